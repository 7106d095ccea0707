
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'authsetup' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'authsetup'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'authsetup' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Guided setup: asks for the values, shows the plan, applies it and writes the files')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print every change `apply` would make, field by field; writes nothing')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the tenant match the desired state, then write the .env file')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Undo what apply did: delete what it created, put back the tenant values it replaced')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Third-party applications that MCP clients registered through DCR')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Step: the API whose identifier is the audience')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Step: the tenant-wide default audience (Auth0)')
            [CompletionResult]::new('dcr', 'dcr', [CompletionResultType]::ParameterValue, 'Step: Dynamic Client Registration (Auth0) or the pre-registered client replacing it (Okta)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Step: API access policy (users allowed, machines denied) and the default third-party grant')
            [CompletionResult]::new('connection', 'connection', [CompletionResultType]::ParameterValue, 'Step: the login connection, promoted to domain level (Auth0)')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Step: the MCP server''s .env file')
            [CompletionResult]::new('codex', 'codex', [CompletionResultType]::ParameterValue, 'Codex CLI configuration for the MCP server (`client config codex`)')
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'MCP client configuration: Codex CLI, Claude Code, Gemini CLI, VS Code, Cursor')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the tenant, the OAuth endpoints, the MCP server and the Codex config; changes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve an emulated tenant on loopback for offline development and tests')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole setup against a built-in sandbox tenant and show the result')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff), or write one page per command with --out-dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;init' {
            [CompletionResult]::new('--write-config', '--write-config', [CompletionResultType]::ParameterName, 'Save the answers (never secrets) to this file for the next run and CI')
            [CompletionResult]::new('--clients', '--clients', [CompletionResultType]::ParameterName, 'The MCP clients whose config to write, comma-separated (the wizard asks, Codex preselected) [env: AUTHSETUP_CLIENTS]; JSON clients get the project''s file')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--write-codex-config', '--write-codex-config', [CompletionResultType]::ParameterName, 'Merge the server into $CODEX_HOME/config.toml instead of printing the snippet (the same as listing codex in --clients)')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;plan' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 3 when there are changes to make, 0 when none (like `git diff --exit-code`)')
            [CompletionResult]::new('--all-envs', '--all-envs', [CompletionResultType]::ParameterName, 'Plan every environment of the settings file at once, each with its own tenant and rate limit')
            [CompletionResult]::new('--destroy', '--destroy', [CompletionResultType]::ParameterName, 'Show what `destroy` would undo instead')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;apply' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;destroy' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;clients' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the applications MCP clients registered through DCR')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete them: lists what it would delete unless --yes is given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;clients;list' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only applications registered longer ago than this, e.g. 7d, 12h (their registration must still be in the tenant''s logs)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only applications whose name matches this pattern (* matches anything), e.g. ''Codex*''')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;clients;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only applications registered longer ago than this, e.g. 7d, 12h (their registration must still be in the tenant''s logs)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only applications whose name matches this pattern (* matches anything), e.g. ''Codex*''')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;clients;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the applications MCP clients registered through DCR')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete them: lists what it would delete unless --yes is given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;clients;help;list' {
            break
        }
        'authsetup;clients;help;prune' {
            break
        }
        'authsetup;clients;help;help' {
            break
        }
        'authsetup;api' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update the API (Auth0 resource server) whose identifier is the audience')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the API and its default grant, if authsetup created them (else put back what it changed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;api;create' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;api;delete' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;api;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update the API (Auth0 resource server) whose identifier is the audience')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the API and its default grant, if authsetup created them (else put back what it changed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;api;help;create' {
            break
        }
        'authsetup;api;help;delete' {
            break
        }
        'authsetup;api;help;help' {
            break
        }
        'authsetup;tenant' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('default-audience', 'default-audience', [CompletionResultType]::ParameterValue, 'Set the tenant default audience to the API identifier')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;tenant;default-audience' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;tenant;help' {
            [CompletionResult]::new('default-audience', 'default-audience', [CompletionResultType]::ParameterValue, 'Set the tenant default audience to the API identifier')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;tenant;help;default-audience' {
            break
        }
        'authsetup;tenant;help;help' {
            break
        }
        'authsetup;dcr' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable Dynamic Client Registration')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Put the DCR flags back to what they were before authsetup enabled them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;dcr;enable' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;dcr;disable' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;dcr;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable Dynamic Client Registration')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Put the DCR flags back to what they were before authsetup enabled them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;dcr;help;enable' {
            break
        }
        'authsetup;dcr;help;disable' {
            break
        }
        'authsetup;dcr;help;help' {
            break
        }
        'authsetup;policy' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Allow user access, deny client access, and add the default grant for third-party clients')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;policy;set' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;policy;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Allow user access, deny client access, and add the default grant for third-party clients')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;policy;help;set' {
            break
        }
        'authsetup;policy;help;help' {
            break
        }
        'authsetup;connection' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make sure the login connection exists and is domain-level')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Demote the connections authsetup promoted back from domain level')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;connection;promote' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;connection;demote' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;connection;help' {
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make sure the login connection exists and is domain-level')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Demote the connections authsetup promoted back from domain level')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;connection;help;promote' {
            break
        }
        'authsetup;connection;help;demote' {
            break
        }
        'authsetup;connection;help;help' {
            break
        }
        'authsetup;env' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write the tenant''s values into the MCP server''s .env file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;env;write' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;env;help' {
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write the tenant''s values into the MCP server''s .env file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;env;help;write' {
            break
        }
        'authsetup;env;help;help' {
            break
        }
        'authsetup;codex' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;codex;config' {
            [CompletionResult]::new('--credentials-store', '--credentials-store', [CompletionResultType]::ParameterName, 'Codex: where it stores the MCP OAuth tokens of every server [default: the one config.toml names, else file]; "file" works on headless machines without a keyring')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Pre-registered OAuth client id (skips Dynamic Client Registration)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Merge into the client''s file ($CODEX_HOME/config.toml for Codex) instead of printing (comments and other servers kept)')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;codex;help' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;codex;help;config' {
            break
        }
        'authsetup;codex;help;help' {
            break
        }
        'authsetup;client' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the client''s config for the MCP server, or merge it into the client''s file with --write')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;client;config' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'The project''s file (current folder) or the user''s (home folder) [default: project]; not for codex')
            [CompletionResult]::new('--credentials-store', '--credentials-store', [CompletionResultType]::ParameterName, 'Codex: where it stores the MCP OAuth tokens of every server [default: the one config.toml names, else file]; "file" works on headless machines without a keyring')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Pre-registered OAuth client id (skips Dynamic Client Registration)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Merge into the client''s file ($CODEX_HOME/config.toml for Codex) instead of printing (comments and other servers kept)')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;client;help' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the client''s config for the MCP server, or merge it into the client''s file with --write')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;client;help;config' {
            break
        }
        'authsetup;client;help;help' {
            break
        }
        'authsetup;doctor' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--probe-dcr', '--probe-dcr', [CompletionResultType]::ParameterName, 'Register a throw-away client through DCR the way Codex does, then delete it')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;completions' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;sandbox' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('--export-file', '--export-file', [CompletionResultType]::ParameterName, 'Also write the export lines to this file (mode 0600) once the sandbox accepts connections')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Emulate a Management API rate limit of N requests per second (burst N), like the free tier''s 2')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;demo' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write authsetup.1 and one authsetup-COMMAND.1 per command into this folder')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]')
            [CompletionResult]::new('--api-name', '--api-name', [CompletionResultType]::ParameterName, 'Display name of the API')
            [CompletionResult]::new('--connection', '--connection', [CompletionResultType]::ParameterName, 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Okta: the group whose members may use the Codex client [default: Everyone]')
            [CompletionResult]::new('--audience-mode', '--audience-mode', [CompletionResultType]::ParameterName, 'Auth0: how tokens get the API''s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]')
            [CompletionResult]::new('--registration', '--registration', [CompletionResultType]::ParameterName, 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]')
            [CompletionResult]::new('--management-domain', '--management-domain', [CompletionResultType]::ParameterName, 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]')
            [CompletionResult]::new('--mcp-name', '--mcp-name', [CompletionResultType]::ParameterName, 'The MCP server''s name in Codex''s config [default: mcp]')
            [CompletionResult]::new('--mcp-url', '--mcp-url', [CompletionResultType]::ParameterName, 'The MCP server''s URL [env: MCP_URL]')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The MCP server''s .env file [default: .env]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex''s home folder [env: CODEX_HOME] [default: ~/.codex]')
            [CompletionResult]::new('--callback-port', '--callback-port', [CompletionResultType]::ParameterName, 'Port of Codex''s OAuth callback listener [default: 1455]')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings file [default: authsetup.toml when present]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: NO_COLOR disables it]')
            [CompletionResult]::new('--create-connection', '--create-connection', [CompletionResultType]::ParameterName, 'Create the connection when the tenant does not have it')
            [CompletionResult]::new('--replace-default-audience', '--replace-default-audience', [CompletionResultType]::ParameterName, 'Replace or clear a different tenant default audience (affects every application of the tenant)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the Management API token from standard input')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take every value from flags, environment or file [env: CI]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace every HTTP request on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authsetup;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Guided setup: asks for the values, shows the plan, applies it and writes the files')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Print every change `apply` would make, field by field; writes nothing')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the tenant match the desired state, then write the .env file')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Undo what apply did: delete what it created, put back the tenant values it replaced')
            [CompletionResult]::new('clients', 'clients', [CompletionResultType]::ParameterValue, 'Third-party applications that MCP clients registered through DCR')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Step: the API whose identifier is the audience')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Step: the tenant-wide default audience (Auth0)')
            [CompletionResult]::new('dcr', 'dcr', [CompletionResultType]::ParameterValue, 'Step: Dynamic Client Registration (Auth0) or the pre-registered client replacing it (Okta)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Step: API access policy (users allowed, machines denied) and the default third-party grant')
            [CompletionResult]::new('connection', 'connection', [CompletionResultType]::ParameterValue, 'Step: the login connection, promoted to domain level (Auth0)')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Step: the MCP server''s .env file')
            [CompletionResult]::new('codex', 'codex', [CompletionResultType]::ParameterValue, 'Codex CLI configuration for the MCP server (`client config codex`)')
            [CompletionResult]::new('client', 'client', [CompletionResultType]::ParameterValue, 'MCP client configuration: Codex CLI, Claude Code, Gemini CLI, VS Code, Cursor')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the tenant, the OAuth endpoints, the MCP server and the Codex config; changes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve an emulated tenant on loopback for offline development and tests')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Run the whole setup against a built-in sandbox tenant and show the result')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page (roff), or write one page per command with --out-dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authsetup;help;init' {
            break
        }
        'authsetup;help;plan' {
            break
        }
        'authsetup;help;apply' {
            break
        }
        'authsetup;help;destroy' {
            break
        }
        'authsetup;help;clients' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the applications MCP clients registered through DCR')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete them: lists what it would delete unless --yes is given')
            break
        }
        'authsetup;help;clients;list' {
            break
        }
        'authsetup;help;clients;prune' {
            break
        }
        'authsetup;help;api' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update the API (Auth0 resource server) whose identifier is the audience')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the API and its default grant, if authsetup created them (else put back what it changed)')
            break
        }
        'authsetup;help;api;create' {
            break
        }
        'authsetup;help;api;delete' {
            break
        }
        'authsetup;help;tenant' {
            [CompletionResult]::new('default-audience', 'default-audience', [CompletionResultType]::ParameterValue, 'Set the tenant default audience to the API identifier')
            break
        }
        'authsetup;help;tenant;default-audience' {
            break
        }
        'authsetup;help;dcr' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable Dynamic Client Registration')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Put the DCR flags back to what they were before authsetup enabled them')
            break
        }
        'authsetup;help;dcr;enable' {
            break
        }
        'authsetup;help;dcr;disable' {
            break
        }
        'authsetup;help;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Allow user access, deny client access, and add the default grant for third-party clients')
            break
        }
        'authsetup;help;policy;set' {
            break
        }
        'authsetup;help;connection' {
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Make sure the login connection exists and is domain-level')
            [CompletionResult]::new('demote', 'demote', [CompletionResultType]::ParameterValue, 'Demote the connections authsetup promoted back from domain level')
            break
        }
        'authsetup;help;connection;promote' {
            break
        }
        'authsetup;help;connection;demote' {
            break
        }
        'authsetup;help;env' {
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write the tenant''s values into the MCP server''s .env file')
            break
        }
        'authsetup;help;env;write' {
            break
        }
        'authsetup;help;codex' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write')
            break
        }
        'authsetup;help;codex;config' {
            break
        }
        'authsetup;help;client' {
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Print the client''s config for the MCP server, or merge it into the client''s file with --write')
            break
        }
        'authsetup;help;client;config' {
            break
        }
        'authsetup;help;doctor' {
            break
        }
        'authsetup;help;completions' {
            break
        }
        'authsetup;help;sandbox' {
            break
        }
        'authsetup;help;demo' {
            break
        }
        'authsetup;help;man' {
            break
        }
        'authsetup;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
