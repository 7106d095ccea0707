//! JWT-shaped access tokens signed with HMAC-SHA256, so the emulator can recognise the tokens it
//! issued without remembering them and clients can still decode the claims.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub(crate) struct Signer {
    key: [u8; 32],
}

impl Signer {
    pub(crate) fn random() -> Self {
        Signer {
            key: rand::random(),
        }
    }

    pub(crate) fn sign(&self, claims: &Value) -> String {
        let header = json!({"alg": "HS256", "typ": "JWT", "kid": "authsetup-sandbox"});
        let signing_input = format!(
            "{}.{}",
            B64.encode(header.to_string()),
            B64.encode(claims.to_string())
        );
        let signature = B64.encode(hmac_sha256(&self.key, signing_input.as_bytes()));
        format!("{signing_input}.{signature}")
    }

    /// The claims of a token this signer produced; None for anything else.
    pub(crate) fn verify(&self, token: &str) -> Option<Value> {
        let (signing_input, signature) = token.rsplit_once('.')?;
        let (_, payload) = signing_input.split_once('.')?;
        let expected = hmac_sha256(&self.key, signing_input.as_bytes());
        let given = B64.decode(signature).ok()?;
        // compare every byte so timing does not reveal how much of a forgery was right
        if given.len() != expected.len()
            || given
                .iter()
                .zip(expected)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                != 0
        {
            return None;
        }
        serde_json::from_slice(&B64.decode(payload).ok()?).ok()
    }
}

/// RFC 2104 HMAC over SHA-256 (block size 64).
fn hmac_sha256(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    let pad = |byte: u8| block.map(|k| k ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_case_2_shape() {
        // RFC 4231 test case 2 uses a 4-byte key; zero-padding to 32 bytes gives the same HMAC
        // because keys shorter than the block are zero-padded to 64 anyway.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        let mac = hmac_sha256(&key, b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn tokens_round_trip_and_forgeries_fail() {
        let signer = Signer::random();
        let token = signer.sign(&json!({"scope": "read:clients"}));
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(signer.verify(&token).unwrap()["scope"], "read:clients");
        assert!(Signer::random().verify(&token).is_none());
        let forged = token.replacen(
            token.split('.').nth(1).unwrap(),
            &B64.encode(r#"{"scope":"x"}"#),
            1,
        );
        assert!(signer.verify(&forged).is_none());
        assert!(signer.verify("not-a-token").is_none());
    }
}
