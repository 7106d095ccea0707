//! How an MCP server's own test suite can use the sandbox: start an emulated Auth0 tenant, take
//! its issuer and JWKS (what the server under test is configured with), mint a token for the test
//! user, and call a protected endpoint with it. Here the endpoint is the sandbox's demo MCP
//! server, which checks tokens the way a real one must (signature from the JWKS, `iss`, `aud`,
//! expiry); in your tests it is your own server.
//!
//! Run it with `cargo run -p authsetup-sandbox --example mcp_server_test`.

use authsetup_sandbox::{Sandbox, SandboxConfig};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tenant = Sandbox::start(SandboxConfig::default()).await?;
    let http = reqwest::Client::new();

    // What the server under test would fetch at start-up to verify tokens.
    let jwks: serde_json::Value = http.get(tenant.jwks_url()).send().await?.json().await?;
    let keys = jwks["keys"].as_array().map_or(0, Vec::len);

    let mcp = tenant.mcp_url();
    let status = |token: String| {
        let request = http.post(&mcp).bearer_auth(token).send();
        async move { request.await.map(|r| r.status().as_u16()) }
    };
    let for_this_server = status(tenant.mint_user_token(&mcp, &["mcp:tools"])).await?;
    let for_another = status(tenant.mint_user_token("https://other.example/mcp", &[])).await?;

    let report = format!(
        "issuer {}\nJWKS {} ({keys} key)\ntoken for {mcp}: {for_this_server}\n\
         token for another API: {for_another}\n",
        tenant.issuer(),
        tenant.jwks_url(),
    );
    std::io::Write::write_all(&mut std::io::stdout(), report.as_bytes())?;
    assert_eq!((for_this_server, for_another), (200, 401));
    Ok(())
}
