//! Auth0's own doctor checks, judged from one token and one round of reads. Pure like the
//! planner: the rules of notes/auth0.md §0, §A5, §D, §F are unit-tested below. Every fix is the
//! step command that mends the finding, so doctor and apply never disagree on what "right" is.

use std::collections::BTreeSet;

use super::api::SCOPES_PAGE;
use super::planner::{
    APPLY_SCOPES, CREATE_CONNECTION, CodexClient, Desired, READ_API, READ_CONNECTION, READ_GRANT,
    READ_SETTINGS, Scope, audience_mode,
};
use super::state::{App, ClientGrant, Connection, ResourceServer, TenantSettings};
use crate::doctor::{Area, Check, Finding, Outcome};
use crate::error::AppError;
use crate::settings::AudienceMode;

/// Any one of these lets doctor count applications (OAS `GET /clients`).
pub const READ_CLIENTS: [&str; 4] = [
    "read:clients",
    "read:client_keys",
    "read:client_credentials",
    "read:client_summary",
];
const DELETE_CLIENTS: Scope = ("delete:clients", "delete the --probe-dcr test client");

/// The free plan's application quota (Auth0 entity limit policy, beyond.md §A1): every `codex mcp
/// login` through DCR leaves one third-party application behind, so they reach it quickly.
pub const FREE_PLAN_APPS: usize = 10;
pub const READ_RULES: Scope = ("read:rules", "look for active Rules");
pub const READ_PROMPTS: Scope = ("read:prompts", "look for Classic Login");

/// One read of the tenant.
#[derive(Debug)]
pub enum Read<T> {
    Got(T),
    /// Not attempted, and why.
    Skipped(String),
    Failed(AppError),
}

impl<T> Read<T> {
    pub fn from_result(r: crate::error::Result<T>) -> Read<T> {
        r.map_or_else(Read::Failed, Read::Got)
    }

    fn get(&self) -> Result<&T, Finding> {
        match self {
            Read::Got(v) => Ok(v),
            Read::Skipped(why) => Err(Finding::skip(why.clone())),
            Read::Failed(e) => Err(Finding::error(e)),
        }
    }
}

/// What doctor read from the tenant.
#[derive(Debug)]
pub struct Observed {
    pub resource_server: Read<Option<ResourceServer>>,
    /// Every default third-party grant on the API, whatever its `subject_type`.
    pub grants: Read<Vec<ClientGrant>>,
    pub connection: Read<Option<Connection>>,
    pub settings: Read<TenantSettings>,
    pub third_party_apps: Read<usize>,
    /// How many Rules are enabled; strict third-party clients cannot sign in beside them.
    pub active_rules: Read<usize>,
    /// `universal_login_experience`: `new` or `classic`.
    pub login_experience: Read<Option<String>>,
    /// `--registration preregistered`: Codex's client, its grant for the API.
    pub codex_client: Read<Option<App>>,
    pub client_grant: Read<Option<ClientGrant>>,
}

impl Observed {
    pub fn skipped(why: &str) -> Observed {
        let skip = || why.to_string();
        Observed {
            resource_server: Read::Skipped(skip()),
            grants: Read::Skipped(skip()),
            connection: Read::Skipped(skip()),
            settings: Read::Skipped(skip()),
            third_party_apps: Read::Skipped(skip()),
            active_rules: Read::Skipped(skip()),
            login_experience: Read::Skipped(skip()),
            codex_client: Read::Skipped(skip()),
            client_grant: Read::Skipped(skip()),
        }
    }
}

/// The scopes doctor's reads need; `probe_dcr` adds the one its clean-up needs.
pub fn doctor_scopes(probe_dcr: bool) -> Vec<Scope> {
    let mut scopes = vec![READ_API, READ_GRANT, READ_CONNECTION, READ_SETTINGS];
    if probe_dcr {
        scopes.push(DELETE_CLIENTS);
    }
    scopes
}

/// The token, and whether it carries what doctor and `apply` need (notes §A2, §F.1).
pub fn credential_checks(
    token: &Result<Option<BTreeSet<String>>, AppError>,
    source: Option<&str>,
    desired: &Desired,
    probe_dcr: bool,
) -> Vec<Check> {
    let area = Area::Credentials;
    let got = match token {
        Ok(_) => Finding::pass(format!(
            "Management API token from {}",
            source.unwrap_or("the credentials given")
        )),
        Err(e) => Finding::error(e),
    };
    let scopes = match token {
        Ok(Some(have)) => scope_finding(have, desired, probe_dcr),
        Ok(None) => Finding::skip(
            "the token's scopes cannot be read (it is not a JWT); a check that lacks one says so",
        ),
        Err(_) => Finding::skip("no token to look at"),
    };
    vec![
        Check::new("credentials.token", area, Ok(got)),
        Check::new("credentials.scopes", area, Ok(scopes)),
    ]
}

fn scope_finding(have: &BTreeSet<String>, desired: &Desired, probe_dcr: bool) -> Finding {
    let missing = |needed: &[Scope]| -> Vec<String> {
        needed
            .iter()
            .filter(|(scope, _)| !have.contains(*scope))
            .map(|(scope, why)| format!("{scope} (to {why})"))
            .collect()
    };
    let fix = format!("grant them in the {SCOPES_PAGE}, then get a new token");
    let for_doctor = missing(&doctor_scopes(probe_dcr));
    if !for_doctor.is_empty() {
        return Finding::fail(format!("the token lacks {}", for_doctor.join(", ")), fix);
    }
    let mut for_apply = APPLY_SCOPES.to_vec();
    if desired.create_connection {
        for_apply.push(CREATE_CONNECTION);
    }
    let mut for_later = missing(&for_apply);
    if !READ_CLIENTS.iter().any(|s| have.contains(*s)) {
        for_later.push("read:clients (to count third-party applications)".into());
    }
    if for_later.is_empty() {
        return Finding::pass("the token carries every scope doctor and apply need");
    }
    Finding::warn(
        format!(
            "doctor can read the tenant, but the token lacks {}",
            for_later.join(", ")
        ),
        fix,
    )
}

/// The checks follow the modes: what the tenant must hold differs between a default audience
/// and the resource parameter, and between DCR and a pre-registered client.
pub fn tenant_checks(desired: &Desired, observed: &Observed) -> Vec<Check> {
    let d = desired;
    let o = observed;
    let area = Area::Tenant;
    let mut checks = vec![
        Check::new("tenant.api", area, api(d, o)),
        Check::new("tenant.signing_alg", area, signing_alg(o)),
        Check::new("tenant.offline_access", area, offline_access(o)),
        Check::new("tenant.access_policy", area, access_policy(o)),
    ];
    let mode = audience_mode(d, o.settings.get().ok());
    match mode {
        AudienceMode::Default => {
            checks.push(Check::new(
                "tenant.default_audience",
                area,
                default_audience(d, o),
            ));
        }
        AudienceMode::Resource => checks.extend([
            Check::new("tenant.default_audience", area, no_default_audience(o)),
            Check::new("tenant.iss_parameter", area, iss_parameter(o)),
        ]),
    }
    match &d.client {
        None => checks.extend([
            Check::new("tenant.dcr", area, dcr(o)),
            Check::new("tenant.default_grant", area, default_grant(d, o)),
            Check::new("tenant.connection", area, connection(d, o)),
        ]),
        Some(client) => checks.extend([
            Check::new("tenant.codex_client", area, codex_client(client, o)),
            Check::new("tenant.client_grant", area, client_grant(d, client, o)),
            Check::new("tenant.connection", area, client_connection(d, o)),
            Check::new("tenant.dcr", area, dcr_not_needed(o)),
        ]),
    }
    checks.push(Check::new(
        "tenant.resource_parameter_profile",
        area,
        resource_parameter_profile(d, mode, o),
    ));
    if d.client.is_none() {
        checks.extend([
            Check::new("tenant.dcr_security_mode", area, dcr_security_mode(o)),
            Check::new("tenant.rules", area, rules(o)),
            Check::new("tenant.classic_login", area, classic_login(o)),
        ]);
    }
    checks.push(Check::new(
        "tenant.third_party_apps",
        area,
        third_party_apps(o),
    ));
    checks
}

/// `--audience-mode resource`: a default audience is added to every request that names no
/// audience, ahead of the `resource` MCP clients send (beyond.md §A1 caveat 1).
fn no_default_audience(o: &Observed) -> Outcome {
    let s = o.settings.get()?;
    if s.default_audience.is_empty() {
        return Ok(Finding::pass(
            "no default audience: each MCP client's resource parameter picks its API",
        ));
    }
    Ok(Finding::fail(
        format!(
            "the tenant still has the default audience {}, which overrides the resource MCP clients send",
            s.default_audience
        ),
        "authsetup tenant default-audience --audience-mode resource --replace-default-audience",
    ))
}

/// Codex 0.171 and Gemini CLI expect `iss` in the answer once it is advertised; Auth0's MCP
/// quickstart turns it on with the compatibility profile (beyond.md §A1).
fn iss_parameter(o: &Observed) -> Outcome {
    if o.settings.get()?.iss_parameter {
        return Ok(Finding::pass(
            "authorization responses carry the issuer (iss)",
        ));
    }
    Ok(Finding::warn(
        "authorization responses do not carry the issuer (iss), which Auth0's MCP quickstart turns on and Gemini CLI requires",
        "authsetup tenant default-audience --audience-mode resource",
    ))
}

fn codex_client(client: &CodexClient, o: &Observed) -> Outcome {
    let fix = "authsetup dcr enable --registration preregistered";
    let Some(app) = o.codex_client.get()? else {
        return Ok(Finding::fail(
            format!("the tenant has no client {}", client.name),
            fix,
        ));
    };
    if !app.first_party {
        return Ok(Finding::fail(
            format!(
                "{} ({}) is a third-party application, which can only use domain-level connections",
                client.name, app.id
            ),
            format!("delete it in Auth0 Dashboard → Applications, then {fix}"),
        ));
    }
    if !app.callbacks.contains(&client.redirect_uri) {
        return Ok(Finding::fail(
            format!(
                "{} ({}) does not allow Codex's redirect URI {}: Auth0 answers \"Callback URL mismatch\"",
                client.name, app.id, client.redirect_uri
            ),
            fix.to_string(),
        ));
    }
    let missing: Vec<&String> = client
        .other_redirect_uris
        .iter()
        .filter(|u| !app.callbacks.contains(u))
        .collect();
    if !missing.is_empty() {
        return Ok(Finding::fail(
            format!(
                "{} ({}) does not allow the redirect URIs {} of the other MCP clients configured with it: Auth0 answers \"Callback URL mismatch\" to them",
                client.name,
                app.id,
                missing
                    .iter()
                    .map(|u| u.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            fix.to_string(),
        ));
    }
    Ok(Finding::pass(format!(
        "first-party client {} ({}) allows {}",
        client.name, app.id, client.redirect_uri
    )))
}

fn client_grant(d: &Desired, client: &CodexClient, o: &Observed) -> Outcome {
    let Some(_) = o.codex_client.get()? else {
        return Ok(Finding::skip("there is no client to look at"));
    };
    match o.client_grant.get()? {
        Some(g) if let Some(missing) = lacking(d, &g.scope) => Ok(Finding::fail(
            format!("the grant of {} lacks the scopes {missing}", client.name),
            with_scopes("authsetup policy set --registration preregistered", d),
        )),
        Some(g) if g.subject_type.as_deref() == Some("user") => Ok(Finding::pass(format!(
            "{} has a user grant for the API",
            client.name
        ))),
        Some(g) => Ok(Finding::fail(
            format!(
                "the grant of {} has subject_type {}, not user",
                client.name,
                g.subject_type.as_deref().unwrap_or("(not set)")
            ),
            "authsetup policy set --registration preregistered",
        )),
        None => Ok(Finding::warn(
            format!("{} has no grant for the API", client.name),
            "authsetup policy set --registration preregistered",
        )),
    }
}

/// A pre-registered first-party client signs in through connections enabled for it; a
/// domain-level one works too, but is open to every third-party application.
fn client_connection(d: &Desired, o: &Observed) -> Outcome {
    let name = &d.connection;
    let Some(c) = o.connection.get()? else {
        return Ok(Finding::fail(
            format!("the tenant has no connection {name}"),
            "pass --connection with an existing one",
        ));
    };
    let Some(app) = o.codex_client.get()? else {
        return Ok(Finding::skip("there is no client to look at"));
    };
    if !c.enabled_clients.contains(&app.id) {
        return Ok(Finding::fail(
            format!(
                "connection {name} is not enabled for {}: Auth0 answers \"no connections enabled for the client\"",
                app.name
            ),
            format!("authsetup connection promote {name} --registration preregistered"),
        ));
    }
    if c.is_domain_connection {
        return Ok(Finding::warn(
            format!(
                "connection {name} is enabled for {}, and is also domain-level, open to every third-party application",
                app.name
            ),
            format!(
                "switch off Auth0 Dashboard → Authentication → {name} → Promote Connection to Domain Level, unless DCR clients still need it"
            ),
        ));
    }
    Ok(Finding::pass(format!(
        "connection {name} is enabled for {} only, not domain-level",
        app.name
    )))
}

fn dcr_not_needed(o: &Observed) -> Outcome {
    if o.settings.get()?.dcr {
        return Ok(Finding::warn(
            "open Dynamic Client Registration is on, though Codex logs in with its pre-registered client: anyone can register applications",
            "switch it off in Auth0 Dashboard → Settings → Advanced → Dynamic Client Registration, unless other clients rely on it",
        ));
    }
    Ok(Finding::pass("open Dynamic Client Registration is off"))
}

/// "Tenants with active Rules will receive an error when a strict third-party application
/// triggers a login flow" (security-controls.mdx, fidelity A3).
fn rules(o: &Observed) -> Outcome {
    match *o.active_rules.get()? {
        0 => Ok(Finding::pass("no active Rules")),
        n => Ok(Finding::fail(
            format!(
                "{n} active Rule(s): Auth0 refuses every login of a strict third-party (DCR) client, so `codex mcp login` ends on an error page"
            ),
            "migrate the Rules to Actions and disable them (Auth0 Dashboard → Auth Pipeline → Rules), or use a first-party client: authsetup apply --registration preregistered",
        )),
    }
}

/// Classic Login is not supported for strict third-party applications (fidelity A3).
fn classic_login(o: &Observed) -> Outcome {
    match o.login_experience.get()?.as_deref() {
        Some("classic") => Ok(Finding::fail(
            "Classic Universal Login: strict third-party (DCR) clients cannot sign in with it",
            "switch to Universal Login (Auth0 Dashboard → Branding → Universal Login → Universal Login Experience: New), or use a first-party client: authsetup apply --registration preregistered",
        )),
        _ => Ok(Finding::pass("Universal Login (new experience)")),
    }
}

fn existing_api(o: &Observed) -> Result<&ResourceServer, Finding> {
    o.resource_server
        .get()?
        .as_ref()
        .ok_or_else(|| Finding::skip("there is no API to look at"))
}

/// `fix` with the configured scopes spelled out: they may have come from a flag or variable
/// the user will not repeat, and without them the fix would leave the scopes as they are.
fn with_scopes(fix: &str, d: &Desired) -> String {
    match &d.scopes {
        Some(scopes) => format!("{fix} --scopes {}", scopes.join(",")),
        None => fix.to_string(),
    }
}

/// The configured scopes `have` lacks, comma-separated; `None` when it has them all.
fn lacking(d: &Desired, have: &[String]) -> Option<String> {
    let missing: Vec<&str> = d
        .scopes
        .iter()
        .flatten()
        .filter(|s| !have.contains(s))
        .map(String::as_str)
        .collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}

fn api(d: &Desired, o: &Observed) -> Outcome {
    match o.resource_server.get()? {
        Some(rs) if let Some(missing) = lacking(d, &rs.scope_values()) => Ok(Finding::fail(
            format!("the API {} lacks the scopes {missing}", rs.identifier),
            with_scopes("authsetup api create", d),
        )),
        Some(rs) => Ok(Finding::pass(format!(
            "API {} exists{}",
            rs.identifier,
            rs.name
                .as_ref()
                .map_or(String::new(), |n| format!(" ({n})"))
        ))),
        None => Ok(Finding::fail(
            format!("no API has the identifier {}", d.audience),
            "authsetup api create",
        )),
    }
}

/// The MCP server verifies tokens with the tenant's public keys, which only RS256 tokens use.
fn signing_alg(o: &Observed) -> Outcome {
    let rs = existing_api(o)?;
    match rs.signing_alg.as_deref() {
        Some("RS256") => Ok(Finding::pass("the API signs tokens with RS256")),
        other => Ok(Finding::fail(
            format!(
                "the API signs tokens with {}, which the MCP server cannot verify with the tenant's public keys",
                other.unwrap_or("an unknown algorithm")
            ),
            "authsetup api create",
        )),
    }
}

fn offline_access(o: &Observed) -> Outcome {
    let rs = existing_api(o)?;
    if rs.allow_offline_access {
        return Ok(Finding::pass(
            "the API allows refresh tokens, so Codex stays signed in",
        ));
    }
    Ok(Finding::warn(
        "the API allows no refresh tokens: Codex users must log in again whenever a token expires",
        "authsetup api create",
    ))
}

/// "User access allowed, client access denied" (§0.3).
fn access_policy(o: &Observed) -> Outcome {
    let rs = existing_api(o)?;
    let (user, client) = (rs.user_policy.as_deref(), rs.client_policy.as_deref());
    if user == Some("allow_all") && client == Some("deny_all") {
        return Ok(Finding::pass(
            "access policy: users allowed, machine-to-machine clients denied",
        ));
    }
    Ok(Finding::fail(
        format!(
            "access policy is user {}, client {}; wanted user allow_all, client deny_all",
            user.unwrap_or("(not set)"),
            client.unwrap_or("(not set)")
        ),
        "authsetup policy set",
    ))
}

/// DCR clients send no `audience`; without a default one their sign-in is refused or their token
/// is opaque (§F, codex-mcp §F). The compatibility profile can stand in when Codex's `resource`
/// is the API identifier, but only for clients that send one.
fn default_audience(d: &Desired, o: &Observed) -> Outcome {
    let s = o.settings.get()?;
    let aud = &d.audience;
    if &s.default_audience == aud {
        return Ok(Finding::pass(format!("default audience is {aud}")));
    }
    if !s.default_audience.is_empty() {
        return Ok(Finding::fail(
            format!(
                "default audience is {}, not {aud}: DCR clients get tokens for the other API",
                s.default_audience
            ),
            "authsetup tenant default-audience --replace-default-audience",
        ));
    }
    let resource_stands_in = s.resource_parameter_profile.as_deref() == Some("compatibility")
        && d.mcp_url.as_deref() == Some(aud.as_str());
    if resource_stands_in {
        return Ok(Finding::warn(
            "no default audience: Codex's resource parameter selects the API, but clients that send none get no token for it",
            "authsetup tenant default-audience",
        ));
    }
    Ok(Finding::fail(
        "no default audience: DCR clients send none, so Auth0 refuses their sign-in or issues an opaque token",
        "authsetup tenant default-audience",
    ))
}

fn dcr(o: &Observed) -> Outcome {
    if o.settings.get()?.dcr {
        return Ok(Finding::pass("Dynamic Client Registration is on"));
    }
    Ok(Finding::fail(
        "Dynamic Client Registration is off: `codex mcp login` cannot register itself",
        "authsetup dcr enable",
    ))
}

/// Third-party clients need a grant even when users are allowed, and Auth0 makes a grant sent
/// without `subject_type` a `client` one (§0.1).
fn default_grant(d: &Desired, o: &Observed) -> Outcome {
    let grants = o.grants.get()?;
    let fix = "authsetup policy set";
    let Some(grant) = grants
        .iter()
        .find(|g| g.subject_type.as_deref() == Some("user"))
    else {
        let message = if grants.is_empty() {
            "no default grant for third-party clients: DCR clients get unauthorized_client at the token endpoint".to_string()
        } else {
            format!(
                "the default grant for third-party clients has subject_type {}, not user: DCR clients get no user tokens",
                grants[0].subject_type.as_deref().unwrap_or("(not set)")
            )
        };
        return Ok(Finding::fail(message, fix));
    };
    // What apply grants: the configured scopes, else every scope the API has.
    let api_scopes = match (&d.scopes, o.resource_server.get()) {
        (Some(scopes), _) => scopes.clone(),
        (None, Ok(Some(rs))) => rs.scope_values(),
        _ => Vec::new(),
    };
    let missing: Vec<&str> = api_scopes
        .iter()
        .filter(|s| !grant.scope.contains(s))
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        return Ok(Finding::pass(
            "default grant for third-party clients (subject_type user)",
        ));
    }
    Ok(Finding::fail(
        format!(
            "the default grant for third-party clients lacks the API's {}",
            missing.join(", ")
        ),
        fix,
    ))
}

/// Third-party apps can only use domain-level connections (§A6).
fn connection(d: &Desired, o: &Observed) -> Outcome {
    let name = &d.connection;
    match o.connection.get()? {
        Some(c) if c.is_domain_connection => {
            Ok(Finding::pass(format!("connection {name} is domain-level")))
        }
        Some(_) => Ok(Finding::fail(
            format!(
                "connection {name} is not domain-level: DCR clients get \"no connections enabled for the client\""
            ),
            format!("authsetup connection promote {name}"),
        )),
        None => Ok(Finding::fail(
            format!("the tenant has no connection {name}"),
            format!(
                "authsetup connection promote {name} --create-connection (or pass --connection with an existing one)"
            ),
        )),
    }
}

/// Under the compatibility profile Auth0 may take the `resource` Codex sends (the MCP URL) as the
/// audience, and it must then be an API identifier (§0.5, §D3).
fn resource_parameter_profile(d: &Desired, mode: AudienceMode, o: &Observed) -> Outcome {
    let s = o.settings.get()?;
    let aud = &d.audience;
    if s.resource_parameter_profile.as_deref() != Some("compatibility") {
        if mode == AudienceMode::Resource {
            return Ok(Finding::fail(
                "resource parameter profile audience: Auth0 ignores the resource MCP clients send, and without a default audience their tokens are opaque or refused",
                "authsetup tenant default-audience --audience-mode resource",
            ));
        }
        return Ok(Finding::pass(
            "resource parameter profile audience: Auth0 ignores the resource Codex sends",
        ));
    }
    match &d.mcp_url {
        Some(url) if url == aud => Ok(Finding::pass(
            "compatibility profile, and the resource Codex sends is the API identifier",
        )),
        Some(url) => Ok(Finding::fail(
            format!(
                "compatibility profile: Auth0 takes the resource Codex sends ({url}) as the audience, but the API identifier is {aud}"
            ),
            format!(
                "authsetup apply --audience {url} --replace-default-audience, or switch off Auth0 Dashboard → Settings → Advanced → Resource Parameter Compatibility Profile"
            ),
        )),
        None => Ok(Finding::warn(
            format!(
                "compatibility profile: the MCP server's protected-resource resource must be exactly {aud}"
            ),
            "authsetup doctor --mcp-url URL",
        )),
    }
}

fn dcr_security_mode(o: &Observed) -> Outcome {
    let s = o.settings.get()?;
    Ok(Finding::pass(match s.dcr_security_mode.as_deref() {
        Some("permissive") => {
            "DCR security mode permissive (a tenant with third-party apps before April 2026)"
        }
        _ => "DCR security mode strict: registered clients are third-party apps with PKCE",
    }))
}

fn third_party_apps(o: &Observed) -> Outcome {
    let n = *o.third_party_apps.get()?;
    if n >= FREE_PLAN_APPS {
        return Ok(Finding::warn(
            format!(
                "{n} third-party applications: every `codex mcp login` registers one, and the free plan allows {FREE_PLAN_APPS} applications in all"
            ),
            "see the old ones with `authsetup clients prune --older-than 7d` and delete them with `--yes`, or give Codex one pre-registered client: authsetup apply --registration preregistered",
        ));
    }
    Ok(Finding::pass(format!("{n} third-party application(s)")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doctor::Status;

    const AUD: &str = "https://mcp.example.com/mcp";

    fn desired() -> Desired {
        Desired {
            mcp_url: Some(AUD.into()),
            ..Desired::example()
        }
    }

    fn healthy() -> Observed {
        Observed {
            resource_server: Read::Got(Some(ResourceServer {
                id: "rs_1".into(),
                identifier: AUD.into(),
                signing_alg: Some("RS256".into()),
                allow_offline_access: true,
                user_policy: Some("allow_all".into()),
                client_policy: Some("deny_all".into()),
                ..Default::default()
            })),
            grants: Read::Got(vec![ClientGrant {
                id: "cgr_1".into(),
                scope: vec![],
                subject_type: Some("user".into()),
            }]),
            connection: Read::Got(Some(Connection {
                id: "con_1".into(),
                name: "Username-Password-Authentication".into(),
                is_domain_connection: true,
                ..Default::default()
            })),
            settings: Read::Got(TenantSettings {
                default_audience: AUD.into(),
                dcr: true,
                ..Default::default()
            }),
            third_party_apps: Read::Got(3),
            active_rules: Read::Got(0),
            login_experience: Read::Got(Some("new".into())),
            codex_client: Read::Skipped("dcr".into()),
            client_grant: Read::Skipped("dcr".into()),
        }
    }

    fn not_passing(checks: &[Check]) -> Vec<(&'static str, Status)> {
        checks
            .iter()
            .filter(|c| c.status() != Status::Pass)
            .map(|c| (c.id, c.status()))
            .collect()
    }

    #[test]
    fn a_set_up_tenant_passes_every_check() {
        let checks = tenant_checks(&desired(), &healthy());
        assert!(not_passing(&checks).is_empty(), "{checks:#?}");
    }

    #[test]
    fn a_grant_auth0_defaulted_to_client_is_named() {
        let mut o = healthy();
        o.grants = Read::Got(vec![ClientGrant {
            subject_type: Some("client".into()),
            ..Default::default()
        }]);
        let checks = tenant_checks(&desired(), &o);
        assert_eq!(
            not_passing(&checks),
            [("tenant.default_grant", Status::Fail)]
        );
        let grant = &checks
            .iter()
            .find(|c| c.id == "tenant.default_grant")
            .unwrap();
        assert!(grant.finding.message.contains("subject_type client"));
        assert_eq!(grant.finding.fix.as_deref(), Some("authsetup policy set"));
    }

    #[test]
    fn no_api_skips_what_depends_on_it() {
        let mut o = healthy();
        o.resource_server = Read::Got(None);
        let checks = tenant_checks(&desired(), &o);
        assert_eq!(
            not_passing(&checks),
            [
                ("tenant.api", Status::Fail),
                ("tenant.signing_alg", Status::Skip),
                ("tenant.offline_access", Status::Skip),
                ("tenant.access_policy", Status::Skip),
            ]
        );
    }

    #[test]
    fn a_failed_read_fails_only_its_checks() {
        let mut o = healthy();
        o.settings = Read::Failed(
            AppError::failed("GET /api/v2/tenants/settings: lacks read:tenant_settings")
                .with_hint("grant it"),
        );
        let failed: Vec<_> = not_passing(&tenant_checks(&desired(), &o))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            failed,
            [
                "tenant.default_audience",
                "tenant.dcr",
                "tenant.resource_parameter_profile",
                "tenant.dcr_security_mode"
            ]
        );
    }

    #[test]
    fn the_default_audience_fix_depends_on_what_is_there() {
        let mut o = healthy();
        let fix = |o: &Observed| {
            tenant_checks(&desired(), o)
                .into_iter()
                .find(|c| c.id == "tenant.default_audience")
                .unwrap()
                .finding
        };
        if let Read::Got(s) = &mut o.settings {
            s.default_audience = "https://other/".into();
        }
        assert_eq!(
            fix(&o).fix.as_deref(),
            Some("authsetup tenant default-audience --replace-default-audience")
        );
        if let Read::Got(s) = &mut o.settings {
            s.default_audience = String::new();
        }
        assert_eq!(fix(&o).status, Status::Fail);
        if let Read::Got(s) = &mut o.settings {
            s.resource_parameter_profile = Some("compatibility".into());
        }
        assert_eq!(fix(&o).status, Status::Warn, "the resource stands in");
    }

    #[test]
    fn scopes_doctor_needs_fail_and_scopes_apply_needs_warn() {
        let all: BTreeSet<String> = doctor_scopes(true)
            .iter()
            .chain(APPLY_SCOPES.iter())
            .map(|(s, _)| s.to_string())
            .chain(["read:clients".to_string()])
            .collect();
        let finding = |have: &BTreeSet<String>| scope_finding(have, &desired(), true);
        assert_eq!(finding(&all).status, Status::Pass);
        let mut no_update = all.clone();
        no_update.remove("update:tenant_settings");
        let f = finding(&no_update);
        assert_eq!(f.status, Status::Warn);
        assert!(
            f.message.contains("update:tenant_settings"),
            "{}",
            f.message
        );
        let mut no_read = all.clone();
        no_read.remove("read:client_grants");
        no_read.remove("delete:clients");
        let f = finding(&no_read);
        assert_eq!(f.status, Status::Fail);
        assert!(
            f.message.contains("read:client_grants") && f.message.contains("delete:clients"),
            "{}",
            f.message
        );
    }
}
