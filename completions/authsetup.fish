# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_authsetup_global_optspecs
    string join \n provider= domain= audience= api-name= connection= group= create-connection replace-default-audience audience-mode= registration= management-domain= mcp-name= mcp-url= scopes= env-file= codex-home= callback-port= env= config= token-stdin y/yes output= color= v/verbose h/help V/version
end

function __fish_authsetup_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_authsetup_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_authsetup_using_subcommand
    set -l cmd (__fish_authsetup_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c authsetup -n "__fish_authsetup_needs_command" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_needs_command" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_needs_command" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_needs_command" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_needs_command" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_needs_command" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_needs_command" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_needs_command" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_needs_command" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_needs_command" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_needs_command" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_needs_command" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_needs_command" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_needs_command" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_needs_command" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "init" -d 'Guided setup: asks for the values, shows the plan, applies it and writes the files'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "plan" -d 'Print every change `apply` would make, field by field; writes nothing'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "apply" -d 'Make the tenant match the desired state, then write the .env file'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "destroy" -d 'Undo what apply did: delete what it created, put back the tenant values it replaced'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "clients" -d 'Third-party applications that MCP clients registered through DCR'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "api" -d 'Step: the API whose identifier is the audience'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "tenant" -d 'Step: the tenant-wide default audience (Auth0)'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "dcr" -d 'Step: Dynamic Client Registration (Auth0) or the pre-registered client replacing it (Okta)'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "policy" -d 'Step: API access policy (users allowed, machines denied) and the default third-party grant'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "connection" -d 'Step: the login connection, promoted to domain level (Auth0)'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "env" -d 'Step: the MCP server\'s .env file'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "codex" -d 'Codex CLI configuration for the MCP server (`client config codex`)'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "client" -d 'MCP client configuration: Codex CLI, Claude Code, Gemini CLI, VS Code, Cursor'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "doctor" -d 'Check the tenant, the OAuth endpoints, the MCP server and the Codex config; changes nothing'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "sandbox" -d 'Serve an emulated tenant on loopback for offline development and tests'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "demo" -d 'Run the whole setup against a built-in sandbox tenant and show the result'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "man" -d 'Print the manual page (roff), or write one page per command with --out-dir'
complete -c authsetup -n "__fish_authsetup_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l write-config -d 'Save the answers (never secrets) to this file for the next run and CI' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l clients -d 'The MCP clients whose config to write, comma-separated (the wizard asks, Codex preselected) [env: AUTHSETUP_CLIENTS]; JSON clients get the project\'s file' -r -f -a "codex\t''
claude\t''
gemini\t''
vscode\t''
cursor\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l write-codex-config -d 'Merge the server into $CODEX_HOME/config.toml instead of printing the snippet (the same as listing codex in --clients)'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand init" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l exit-code -d 'Exit with 3 when there are changes to make, 0 when none (like `git diff --exit-code`)'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l all-envs -d 'Plan every environment of the settings file at once, each with its own tenant and rate limit'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l destroy -d 'Show what `destroy` would undo instead'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand plan" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand apply" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand destroy" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -f -a "list" -d 'List the applications MCP clients registered through DCR'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -f -a "prune" -d 'Delete them: lists what it would delete unless --yes is given'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and not __fish_seen_subcommand_from list prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l older-than -d 'Only applications registered longer ago than this, e.g. 7d, 12h (their registration must still be in the tenant\'s logs)' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l name -d 'Only applications whose name matches this pattern (* matches anything), e.g. \'Codex*\'' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l older-than -d 'Only applications registered longer ago than this, e.g. 7d, 12h (their registration must still be in the tenant\'s logs)' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l name -d 'Only applications whose name matches this pattern (* matches anything), e.g. \'Codex*\'' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the applications MCP clients registered through DCR'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete them: lists what it would delete unless --yes is given'
complete -c authsetup -n "__fish_authsetup_using_subcommand clients; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -f -a "create" -d 'Create or update the API (Auth0 resource server) whose identifier is the audience'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -f -a "delete" -d 'Delete the API and its default grant, if authsetup created them (else put back what it changed)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and not __fish_seen_subcommand_from create delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create or update the API (Auth0 resource server) whose identifier is the audience'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the API and its default grant, if authsetup created them (else put back what it changed)'
complete -c authsetup -n "__fish_authsetup_using_subcommand api; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -f -a "default-audience" -d 'Set the tenant default audience to the API identifier'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and not __fish_seen_subcommand_from default-audience help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from default-audience" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "default-audience" -d 'Set the tenant default audience to the API identifier'
complete -c authsetup -n "__fish_authsetup_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -f -a "enable" -d 'Enable Dynamic Client Registration'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -f -a "disable" -d 'Put the DCR flags back to what they were before authsetup enabled them'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and not __fish_seen_subcommand_from enable disable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable Dynamic Client Registration'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Put the DCR flags back to what they were before authsetup enabled them'
complete -c authsetup -n "__fish_authsetup_using_subcommand dcr; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -f -a "set" -d 'Allow user access, deny client access, and add the default grant for third-party clients'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and not __fish_seen_subcommand_from set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Allow user access, deny client access, and add the default grant for third-party clients'
complete -c authsetup -n "__fish_authsetup_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -f -a "promote" -d 'Make sure the login connection exists and is domain-level'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -f -a "demote" -d 'Demote the connections authsetup promoted back from domain level'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and not __fish_seen_subcommand_from promote demote help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from promote" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from demote" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from help" -f -a "promote" -d 'Make sure the login connection exists and is domain-level'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from help" -f -a "demote" -d 'Demote the connections authsetup promoted back from domain level'
complete -c authsetup -n "__fish_authsetup_using_subcommand connection; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -f -a "write" -d 'Write the tenant\'s values into the MCP server\'s .env file'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and not __fish_seen_subcommand_from write help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from write" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "write" -d 'Write the tenant\'s values into the MCP server\'s .env file'
complete -c authsetup -n "__fish_authsetup_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -f -a "config" -d 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and not __fish_seen_subcommand_from config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l credentials-store -d 'Codex: where it stores the MCP OAuth tokens of every server [default: the one config.toml names, else file]; "file" works on headless machines without a keyring' -r -f -a "file\t''
auto\t''
keyring\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l client-id -d 'Pre-registered OAuth client id (skips Dynamic Client Registration)' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l write -d 'Merge into the client\'s file ($CODEX_HOME/config.toml for Codex) instead of printing (comments and other servers kept)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from help" -f -a "config" -d 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write'
complete -c authsetup -n "__fish_authsetup_using_subcommand codex; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -f -a "config" -d 'Print the client\'s config for the MCP server, or merge it into the client\'s file with --write'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and not __fish_seen_subcommand_from config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l scope -d 'The project\'s file (current folder) or the user\'s (home folder) [default: project]; not for codex' -r -f -a "project\t''
user\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l credentials-store -d 'Codex: where it stores the MCP OAuth tokens of every server [default: the one config.toml names, else file]; "file" works on headless machines without a keyring' -r -f -a "file\t''
auto\t''
keyring\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l client-id -d 'Pre-registered OAuth client id (skips Dynamic Client Registration)' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l write -d 'Merge into the client\'s file ($CODEX_HOME/config.toml for Codex) instead of printing (comments and other servers kept)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "config" -d 'Print the client\'s config for the MCP server, or merge it into the client\'s file with --write'
complete -c authsetup -n "__fish_authsetup_using_subcommand client; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l probe-dcr -d 'Register a throw-away client through DCR the way Codex does, then delete it'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand completions" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l export-file -d 'Also write the export lines to this file (mode 0600) once the sandbox accepts connections' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l rate-limit -d 'Emulate a Management API rate limit of N requests per second (burst N), like the free tier\'s 2' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand demo" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l out-dir -d 'Write authsetup.1 and one authsetup-COMMAND.1 per command into this folder' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l provider -d 'Identity provider [env: AUTHSETUP_PROVIDER] [default: okta for *.okta.com-like domains, else auth0]' -r -f -a "auth0\t''
okta\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l domain -d 'Tenant host or URL, e.g. tenant.us.auth0.com [env: AUTH0_DOMAIN / OKTA_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l audience -d 'API identifier (an absolute URI); use the MCP server URL [env: AUTH0_AUDIENCE / OKTA_AUDIENCE]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l api-name -d 'Display name of the API' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l connection -d 'Login connection to promote [env: CONNECTION_NAME] [default: Username-Password-Authentication]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l group -d 'Okta: the group whose members may use the Codex client [default: Everyone]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l audience-mode -d 'Auth0: how tokens get the API\'s audience [env: AUTHSETUP_AUDIENCE_MODE] [default: resource, or default on a tenant that has a default audience]' -r -f -a "default\t'The tenant\'s default audience: one MCP server per tenant, every application\'s tokens'
resource\t'The resource parameter (compatibility profile + issuer in responses): no default audience'"
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l registration -d 'Auth0: how MCP clients get their OAuth client [env: AUTHSETUP_REGISTRATION] [default: dcr]' -r -f -a "dcr\t'Open Dynamic Client Registration: each `codex mcp login` registers a third-party app'
preregistered\t'One first-party client per MCP server that authsetup registers; no open DCR'"
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l management-domain -d 'Auth0: the canonical tenant domain for the Management API when --domain is a custom domain [env: AUTH0_MANAGEMENT_DOMAIN]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l mcp-name -d 'The MCP server\'s name in Codex\'s config [default: mcp]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l mcp-url -d 'The MCP server\'s URL [env: MCP_URL]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l scopes -d 'OAuth scopes of the MCP server, comma-separated [env: AUTHSETUP_SCOPES] [default: Okta mcp:access, Auth0 none]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l env-file -d 'The MCP server\'s .env file [default: .env]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l codex-home -d 'Codex\'s home folder [env: CODEX_HOME] [default: ~/.codex]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l callback-port -d 'Port of Codex\'s OAuth callback listener [default: 1455]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l env -d 'The environment of the settings file ([env.NAME]) to use; its variables carry the suffix _NAME, e.g. AUTH0_DOMAIN_PROD [env: AUTHSETUP_ENV]' -r
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l config -d 'Settings file [default: authsetup.toml when present]' -r -F
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l output -d 'Output format; json prints one document on stdout [env: AUTHSETUP_OUTPUT]' -r -f -a "human\t''
json\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l color -d 'When to use colour [env: NO_COLOR disables it]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l create-connection -d 'Create the connection when the tenant does not have it'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l replace-default-audience -d 'Replace or clear a different tenant default audience (affects every application of the tenant)'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -l token-stdin -d 'Read the Management API token from standard input'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -s y -l yes -d 'Never prompt; take every value from flags, environment or file [env: CI]'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -s v -l verbose -d 'Trace every HTTP request on stderr (secrets redacted)'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authsetup -n "__fish_authsetup_using_subcommand man" -s V -l version -d 'Print version'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "init" -d 'Guided setup: asks for the values, shows the plan, applies it and writes the files'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "plan" -d 'Print every change `apply` would make, field by field; writes nothing'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "apply" -d 'Make the tenant match the desired state, then write the .env file'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "destroy" -d 'Undo what apply did: delete what it created, put back the tenant values it replaced'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "clients" -d 'Third-party applications that MCP clients registered through DCR'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "api" -d 'Step: the API whose identifier is the audience'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "tenant" -d 'Step: the tenant-wide default audience (Auth0)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "dcr" -d 'Step: Dynamic Client Registration (Auth0) or the pre-registered client replacing it (Okta)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "policy" -d 'Step: API access policy (users allowed, machines denied) and the default third-party grant'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "connection" -d 'Step: the login connection, promoted to domain level (Auth0)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "env" -d 'Step: the MCP server\'s .env file'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "codex" -d 'Codex CLI configuration for the MCP server (`client config codex`)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "client" -d 'MCP client configuration: Codex CLI, Claude Code, Gemini CLI, VS Code, Cursor'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "doctor" -d 'Check the tenant, the OAuth endpoints, the MCP server and the Codex config; changes nothing'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "completions" -d 'Print a shell completion script'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "sandbox" -d 'Serve an emulated tenant on loopback for offline development and tests'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "demo" -d 'Run the whole setup against a built-in sandbox tenant and show the result'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "man" -d 'Print the manual page (roff), or write one page per command with --out-dir'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and not __fish_seen_subcommand_from init plan apply destroy clients api tenant dcr policy connection env codex client doctor completions sandbox demo man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from clients" -f -a "list" -d 'List the applications MCP clients registered through DCR'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from clients" -f -a "prune" -d 'Delete them: lists what it would delete unless --yes is given'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "create" -d 'Create or update the API (Auth0 resource server) whose identifier is the audience'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from api" -f -a "delete" -d 'Delete the API and its default grant, if authsetup created them (else put back what it changed)'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "default-audience" -d 'Set the tenant default audience to the API identifier'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from dcr" -f -a "enable" -d 'Enable Dynamic Client Registration'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from dcr" -f -a "disable" -d 'Put the DCR flags back to what they were before authsetup enabled them'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Allow user access, deny client access, and add the default grant for third-party clients'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from connection" -f -a "promote" -d 'Make sure the login connection exists and is domain-level'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from connection" -f -a "demote" -d 'Demote the connections authsetup promoted back from domain level'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "write" -d 'Write the tenant\'s values into the MCP server\'s .env file'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from codex" -f -a "config" -d 'Print the config.toml snippet, or merge it into $CODEX_HOME/config.toml with --write'
complete -c authsetup -n "__fish_authsetup_using_subcommand help; and __fish_seen_subcommand_from client" -f -a "config" -d 'Print the client\'s config for the MCP server, or merge it into the client\'s file with --write'
