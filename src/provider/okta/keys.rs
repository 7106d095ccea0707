//! Signing keys and compact JWS for the OAuth service-app path: the `private_key_jwt` client
//! assertion and DPoP proofs (notes/okta.md §B.2, §B.3). `ring` is already in the tree through
//! rustls, so no second crypto stack is pulled in.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD as B64};
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, KeyPair, RsaKeyPair};
use serde_json::{Map, Value, json};

use crate::error::{AppError, Result};

pub struct SigningKey {
    kind: Kind,
    /// The JWK's `kid`, sent so Okta can pick the key when the app holds several.
    kid: Option<String>,
}

enum Kind {
    Rs256(RsaKeyPair),
    Es256(EcdsaKeyPair),
}

impl SigningKey {
    /// Reads the service app's private key from the text of `OKTA_PRIVATE_KEY`: a JWK (what the
    /// Admin Console generates) or a PKCS#8 / PKCS#1 PEM file.
    pub fn parse(text: &str) -> Result<SigningKey> {
        let text = text.trim();
        if text.starts_with('{') {
            return from_jwk(text);
        }
        let (label, der) =
            pem(text).ok_or_else(|| bad_key("it is neither a JWK (JSON) nor a PEM file"))?;
        let kind = match label.as_str() {
            "PRIVATE KEY" => RsaKeyPair::from_pkcs8(&der)
                .map(Kind::Rs256)
                .or_else(|_| {
                    EcdsaKeyPair::from_pkcs8(
                        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
                        &der,
                        &SystemRandom::new(),
                    )
                    .map(Kind::Es256)
                })
                .map_err(|_| bad_key("it is not an RSA or P-256 PKCS#8 key"))?,
            "RSA PRIVATE KEY" => RsaKeyPair::from_der(&der)
                .map(Kind::Rs256)
                .map_err(|e| bad_key(&format!("the RSA key is rejected ({e})")))?,
            "EC PRIVATE KEY" => {
                return Err(bad_key("SEC1 EC keys are not read").with_hint(
                    "convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem",
                ));
            }
            other => return Err(bad_key(&format!("a PEM {other:?} is not a private key"))),
        };
        Ok(SigningKey { kind, kid: None })
    }

    /// A fresh P-256 key for DPoP proofs, made once per run.
    pub fn generate_es256() -> Result<SigningKey> {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&signature::ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| AppError::failed("cannot generate a DPoP key"))?;
        let pair = EcdsaKeyPair::from_pkcs8(
            &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            pkcs8.as_ref(),
            &rng,
        )
        .map_err(|_| AppError::failed("cannot load the generated DPoP key"))?;
        Ok(SigningKey {
            kind: Kind::Es256(pair),
            kid: None,
        })
    }

    fn alg(&self) -> &'static str {
        match self.kind {
            Kind::Rs256(_) => "RS256",
            Kind::Es256(_) => "ES256",
        }
    }

    /// The public half as a JWK, for the DPoP proof header.
    pub fn public_jwk(&self) -> Value {
        match &self.kind {
            Kind::Rs256(pair) => {
                let public = ring::rsa::PublicKeyComponents::<Vec<u8>>::from(pair.public());
                json!({"kty": "RSA", "n": B64.encode(public.n), "e": B64.encode(public.e)})
            }
            Kind::Es256(pair) => {
                // ring gives the uncompressed point: 0x04 || x || y.
                let point = pair.public_key().as_ref();
                json!({"kty": "EC", "crv": "P-256", "x": B64.encode(&point[1..33]), "y": B64.encode(&point[33..65])})
            }
        }
    }

    /// A compact JWS over `claims`; `header` adds to `alg` (and `kid` when known).
    pub fn sign(&self, header: Map<String, Value>, claims: &Value) -> Result<String> {
        let mut h = Map::new();
        h.insert("alg".into(), json!(self.alg()));
        if let Some(kid) = &self.kid {
            h.insert("kid".into(), json!(kid));
        }
        h.extend(header);
        let input = format!(
            "{}.{}",
            B64.encode(Value::Object(h).to_string()),
            B64.encode(claims.to_string())
        );
        let rng = SystemRandom::new();
        let sig = match &self.kind {
            Kind::Rs256(pair) => {
                let mut sig = vec![0; pair.public().modulus_len()];
                pair.sign(
                    &signature::RSA_PKCS1_SHA256,
                    &rng,
                    input.as_bytes(),
                    &mut sig,
                )
                .map_err(|_| AppError::failed("cannot sign with the RSA key"))?;
                sig
            }
            Kind::Es256(pair) => pair
                .sign(&rng, input.as_bytes())
                .map_err(|_| AppError::failed("cannot sign with the EC key"))?
                .as_ref()
                .to_vec(),
        };
        Ok(format!("{input}.{}", B64.encode(sig)))
    }
}

fn bad_key(why: &str) -> AppError {
    AppError::usage(
        format!("OKTA_PRIVATE_KEY cannot be used: {why}"),
        "set OKTA_PRIVATE_KEY to the service app's private key, or the path of its file: the JWK the Admin Console generated, or a PKCS#8 PEM (RS256 or ES256)",
    )
}

fn pem(text: &str) -> Option<(String, Vec<u8>)> {
    let begin = text.find("-----BEGIN ")?;
    let rest = &text[begin + "-----BEGIN ".len()..];
    let (label, rest) = rest.split_once("-----")?;
    let end = rest.find("-----END ")?;
    let body: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
    Some((label.to_string(), STANDARD.decode(body).ok()?))
}

fn from_jwk(text: &str) -> Result<SigningKey> {
    let jwk: Value =
        serde_json::from_str(text).map_err(|e| bad_key(&format!("the JWK is not JSON ({e})")))?;
    // A JWKS with one key is what some tools save.
    let jwk = match jwk.get("keys").and_then(Value::as_array) {
        Some(keys) if keys.len() == 1 => keys[0].clone(),
        Some(_) => return Err(bad_key("the JWK set must hold exactly one key")),
        None => jwk,
    };
    let part = |name: &str| -> Result<Vec<u8>> {
        let v = jwk[name]
            .as_str()
            .ok_or_else(|| bad_key(&format!("the JWK has no private part `{name}`")))?;
        B64.decode(v.trim_end_matches('='))
            .map_err(|_| bad_key(&format!("the JWK's `{name}` is not base64url")))
    };
    let kind = match jwk["kty"].as_str() {
        Some("RSA") => {
            let components = ring::rsa::KeyPairComponents {
                public_key: ring::rsa::PublicKeyComponents {
                    n: part("n")?,
                    e: part("e")?,
                },
                d: part("d")?,
                p: part("p")?,
                q: part("q")?,
                dP: part("dp")?,
                dQ: part("dq")?,
                qInv: part("qi")?,
            };
            RsaKeyPair::from_components(&components)
                .map(Kind::Rs256)
                .map_err(|e| bad_key(&format!("the RSA JWK is rejected ({e})")))?
        }
        Some("EC") if jwk["crv"] == "P-256" => {
            let mut point = vec![4u8];
            point.extend(part("x")?);
            point.extend(part("y")?);
            EcdsaKeyPair::from_private_key_and_public_key(
                &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
                &part("d")?,
                &point,
                &SystemRandom::new(),
            )
            .map(Kind::Es256)
            .map_err(|_| bad_key("the P-256 JWK is rejected"))?
        }
        other => {
            return Err(bad_key(&format!(
                "key type {} is not supported (RSA or EC P-256)",
                other.unwrap_or("(none)")
            )));
        }
    };
    Ok(SigningKey {
        kind,
        kid: jwk["kid"].as_str().map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_sign_verifiable_jws() {
        let key = SigningKey::generate_es256().unwrap();
        let jws = key.sign(Map::new(), &json!({"iss": "me"})).unwrap();
        let (input, sig) = jws.rsplit_once('.').unwrap();
        let jwk = key.public_jwk();
        let mut point = vec![4u8];
        point.extend(B64.decode(jwk["x"].as_str().unwrap()).unwrap());
        point.extend(B64.decode(jwk["y"].as_str().unwrap()).unwrap());
        signature::UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point)
            .verify(input.as_bytes(), &B64.decode(sig).unwrap())
            .unwrap();
    }

    #[test]
    fn unusable_files_are_bad_input() {
        for text in [
            "",
            "not a key",
            "{\"kty\":\"oct\",\"k\":\"abc\"}",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        ] {
            let e = SigningKey::parse(text).err().unwrap();
            assert_eq!(e.exit_code(), 2, "{text}: {}", e.message);
        }
    }
}
