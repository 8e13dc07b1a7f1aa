# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_defendable_global_optspecs
    string join \n api= profile= json jq= color= timeout= h/help V/version
end

function __fish_defendable_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_defendable_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_defendable_using_subcommand
    set -l cmd (__fish_defendable_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c defendable -n "__fish_defendable_needs_command" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_needs_command" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_needs_command" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_needs_command" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_needs_command" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_needs_command" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_needs_command" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_needs_command" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "auth" -d 'Sign in, check who you are, sign out'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "server" -d 'The server you talk to: service info and health'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "org" -d 'Your organisation'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "keys" -d 'API keys for CI and agents (owner)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "members" -d 'People in your organisation and their roles'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "invites" -d 'Invite people to your organisation (owner)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "projects" -d 'Projects group runs'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "flight-sheets" -d 'The rulebooks runs are audited against'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "runs" -d 'Defendable Runs and what they hold'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "evidence" -d 'Evidence attached to a run'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "submission" -d 'The agent\'s output for a run'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "audit" -d 'Audits: apply the flight sheet, grade checklist rules, finalise the verdict'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "checks" -d 'The core check engine, for runs without a flight sheet'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "approval" -d 'The human decision on a verdict'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "receipt" -d 'Mint, show and download receipts'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "receipts" -d 'Your organisation\'s receipts across every kind (members only)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "ledger" -d 'Your organisation\'s receipt chain'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "log" -d 'The public log of a shared receipt\'s chain: checkpoint and consistency, no account'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "cooks" -d 'Cooks: preparation jobs tuned against a run\'s eval'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "runner" -d 'Runners: do queued cooks (runner token), and manage runner tokens (operator)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "verify" -d 'Verify a receipt yourself: by link, share token, proof file, receipt JSON or PDF'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "datasets" -d 'The dataset catalog (members only)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "models" -d 'The model catalog and model pins (members only)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "membership" -d 'Your organisation\'s membership: apply, see where it stands, pay'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "admin" -d 'Administrators: review and approve membership applications'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "policy" -d 'The service\'s published policies'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "agents" -d 'Agent profiles, their capability by lane, and the watchdog'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "incidents" -d 'Incidents: open, list, resolve, and prove them with receipts'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "stack" -d 'Plan the model and compute your agents\' jobs need'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "config" -d 'Show or change this CLI\'s defaults (server, colour, timeout)'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "api" -d 'Send a raw request to the API and print the JSON answer (like `gh api`); the stored token goes only to its own server'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c defendable -n "__fish_defendable_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "login" -d 'Ask for a magic sign-in link (prompts for the email on a terminal)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "verify" -d 'Exchange a magic-link token for a session and store it'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "status" -d 'Who you are, which server, and where the token is stored'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "accept-invite" -d 'Accept an invite (the token or the whole invite link) and sign in'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "logout" -d 'Sign out: the session is revoked on the server and forgotten here'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "token" -d 'Print the token this CLI sends to this server (for scripts and other tools)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and not __fish_seen_subcommand_from login verify status accept-invite logout token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l email -d 'The email to sign in with' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from accept-invite" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Ask for a magic sign-in link (prompts for the email on a terminal)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Exchange a magic-link token for a session and store it'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Who you are, which server, and where the token is stored'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "accept-invite" -d 'Accept an invite (the token or the whole invite link) and sign in'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Sign out: the session is revoked on the server and forgotten here'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the token this CLI sends to this server (for scripts and other tools)'
complete -c defendable -n "__fish_defendable_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -f -a "info" -d 'The service\'s name, version and API version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -f -a "health" -d 'Database and storage health'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -f -a "keys" -d 'The server\'s signing keys (current and retired)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and not __fish_seen_subcommand_from info health keys help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from health" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from keys" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "info" -d 'The service\'s name, version and API version'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "health" -d 'Database and storage health'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "keys" -d 'The server\'s signing keys (current and retired)'
complete -c defendable -n "__fish_defendable_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -f -a "show" -d 'Your organisation and its counts'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -f -a "view" -d 'Your organisation and its counts'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -f -a "usage" -d 'Receipt counts'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -f -a "settings" -d 'Show the settings, or change them (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and not __fish_seen_subcommand_from show view usage settings help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from usage" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l require-distinct-approver -d 'Require the approver to differ from whoever posted the submission' -r -f -a "true\t''
false\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from settings" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "show" -d 'Your organisation and its counts'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "usage" -d 'Receipt counts'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "settings" -d 'Show the settings, or change them (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand org; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "create" -d 'Mint a key; its secret is printed once'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "ls" -d 'List keys (never their secrets)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "list" -d 'List keys (never their secrets)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "revoke" -d 'Revoke a key; it fails from the next request on'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "trust" -d 'Trust a server\'s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and not __fish_seen_subcommand_from create ls list revoke trust help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l scope -d 'A scope (repeatable): read, runs:write, approve. Default: read and runs:write' -r -f -a "read\t''
runs:write\t''
approve\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l expires-in-days -d 'Days until the key expires' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -s y -l yes -d 'Do not ask for confirmation'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from trust" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "create" -d 'Mint a key; its secret is printed once'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List keys (never their secrets)'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a key; it fails from the next request on'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "trust" -d 'Trust a server\'s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys'
complete -c defendable -n "__fish_defendable_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -f -a "ls" -d 'List members'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -f -a "list" -d 'List members'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -f -a "set-role" -d 'Change a member\'s role (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -f -a "rm" -d 'Remove a member; their sessions stop working (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and not __fish_seen_subcommand_from ls list set-role rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l role -d 'The role' -r -f -a "owner\t''
member\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from set-role" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List members'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from help" -f -a "set-role" -d 'Change a member\'s role (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a member; their sessions stop working (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand members; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -f -a "create" -d 'Invite someone; prints the invite link (valid 7 days)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -f -a "ls" -d 'List invites'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -f -a "list" -d 'List invites'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and not __fish_seen_subcommand_from create ls list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l role -d 'The role' -r -f -a "owner\t''
member\t''"
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from help" -f -a "create" -d 'Invite someone; prints the invite link (valid 7 days)'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List invites'
complete -c defendable -n "__fish_defendable_using_subcommand invites; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -f -a "ls" -d 'List projects'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -f -a "list" -d 'List projects'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -f -a "create" -d 'Create a project: `projects create NAME` or `projects create --name NAME`'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and not __fish_seen_subcommand_from ls list create help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l name -d 'The project\'s name, as an option (the same as NAME)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List projects'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a project: `projects create NAME` or `projects create --name NAME`'
complete -c defendable -n "__fish_defendable_using_subcommand projects; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -f -a "ls" -d 'List the active flight sheets'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -f -a "list" -d 'List the active flight sheets'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -f -a "show" -d 'Show one flight sheet with its rules'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -f -a "view" -d 'Show one flight sheet with its rules'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and not __fish_seen_subcommand_from ls list show view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l lane -d 'Only sheets of this lane' -r -f -a "agent\t''
dataset\t''
compute\t''
other\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l lane -d 'Only sheets of this lane' -r -f -a "agent\t''
dataset\t''
compute\t''
other\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the active flight sheets'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one flight sheet with its rules'
complete -c defendable -n "__fish_defendable_using_subcommand flight-sheets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "new" -d 'Start a run, against a flight sheet or (without one) a lane template'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "ls" -d 'List runs, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "list" -d 'List runs, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "show" -d 'Everything about one run'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "view" -d 'Everything about one run'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "submission" -d 'The run\'s current submission'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "checks" -d 'The run\'s applied rules'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "flags" -d 'The run\'s flagged rules'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "verdict" -d 'The run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and not __fish_seen_subcommand_from new ls list show view submission checks flags verdict help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l project -d 'The project the run belongs to: its id or a unique prefix of it' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l flight-sheet -d 'The flight sheet (id or slug)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l title -d 'The run\'s title (required without a flight sheet)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l lane -d 'The lane, for runs without a flight sheet' -r -f -a "agent\t''
dataset\t''
compute\t''
other\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l input -d 'A run input, KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l agent-profile -d 'The agent profile doing the work: its id or a unique prefix of it' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l override-blocked-lane -d 'Run on a lane the agent profile blocks (an owner\'s session only)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l project -d 'Only runs of this project: its id or a unique prefix of it' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l project -d 'Only runs of this project: its id or a unique prefix of it' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l web -d 'Open the run\'s receipt page in the browser (prints the URL when none opens)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l web -d 'Open the run\'s receipt page in the browser (prints the URL when none opens)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from submission" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from checks" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from flags" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from verdict" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "new" -d 'Start a run, against a flight sheet or (without one) a lane template'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List runs, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Everything about one run'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "submission" -d 'The run\'s current submission'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "checks" -d 'The run\'s applied rules'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "flags" -d 'The run\'s flagged rules'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "verdict" -d 'The run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -f -a "ls" -d 'List a run\'s evidence, whole, one page at a time'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -f -a "list" -d 'List a run\'s evidence, whole, one page at a time'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -f -a "add" -d 'Attach a text or URL evidence item'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -f -a "upload" -d 'Upload a file (streamed, with its sha256 checked against the server\'s)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and not __fish_seen_subcommand_from ls list add upload help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l offset -d 'Items to skip' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l limit -d 'Items to list (1 to 20)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l offset -d 'Items to skip' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l limit -d 'Items to list (1 to 20)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l label -d 'What the evidence is' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l kind -d 'The kind of evidence' -r -f -a "note\t''
url\t''
log\t''
file\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l content -d 'The evidence text (or URL for kind url)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l file -d 'The file to upload, as an option (the same as FILE)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l label -d 'A label (defaults to the file name)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from upload" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List a run\'s evidence, whole, one page at a time'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "add" -d 'Attach a text or URL evidence item'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload a file (streamed, with its sha256 checked against the server\'s)'
complete -c defendable -n "__fish_defendable_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -f -a "add" -d 'Post the agent\'s output: --output-file F, --output-text T, or `-` for stdin'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and not __fish_seen_subcommand_from add help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l output-file -d 'Read the output from this file' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l output-text -d 'The output itself' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l agent-name -d 'The agent\'s name' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l model-name -d 'The model that produced the output' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l provider -d 'The model provider' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l notes -d 'Free-form notes' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from help" -f -a "add" -d 'Post the agent\'s output: --output-file F, --output-text T, or `-` for stdin'
complete -c defendable -n "__fish_defendable_using_subcommand submission; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -f -a "run" -d 'Apply the run\'s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -f -a "grade" -d 'Apply a checklist rule: satisfied (pass) or flagged'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -f -a "finalize" -d 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and not __fish_seen_subcommand_from run grade finalize help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l fail-on -d 'Exit 3 when the outcome is, or is already bound to be, at least this bad' -r -f -a "risk\t'Fail on `risk` or `fail`'
fail\t'Fail on `fail` only'"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l allow-pending -d 'With --fail-on, exit 0 rather than 5 while checklist rules are still open'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l status -d 'The result, as an option (the same as STATUS)' -r -f -a "pass\t''
flag\t''"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l detail -d 'Why' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from grade" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l fail-on -d 'Exit 3 when the verdict is at least this bad (for CI gates)' -r -f -a "risk\t'Fail on `risk` or `fail`'
fail\t'Fail on `fail` only'"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from finalize" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "run" -d 'Apply the run\'s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "grade" -d 'Apply a checklist rule: satisfied (pass) or flagged'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "finalize" -d 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it'
complete -c defendable -n "__fish_defendable_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run the core check engine (lane templates) on a run without a flight sheet'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the core check engine (lane templates) on a run without a flight sheet'
complete -c defendable -n "__fish_defendable_using_subcommand checks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -f -a "set" -d 'Record the human decision (asks for confirmation on a terminal unless --yes)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and not __fish_seen_subcommand_from set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l decision -d 'The human decision on the run\'s verdict' -r -f -a "approved\t''
rejected\t''
escalated\t''"
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l note -d 'A note kept with the approval' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -s y -l yes -d 'Do not ask for confirmation'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "set" -d 'Record the human decision (asks for confirmation on a terminal unless --yes)'
complete -c defendable -n "__fish_defendable_using_subcommand approval; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "generate" -d 'Mint the run\'s receipt into the organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "export" -d 'Save a receipt\'s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "show" -d 'The public receipt of a run (by run id) or share token'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "view" -d 'The public receipt of a run (by run id) or share token'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "pdf" -d 'Download the one-page PDF of a receipt'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and not __fish_seen_subcommand_from generate export show view pdf help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -s o -l output -d 'Where to write the file (`-` for stdout where allowed)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l web -d 'Open the receipt\'s page for people in the browser (prints the URL when none opens)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l web -d 'Open the receipt\'s page for people in the browser (prints the URL when none opens)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -s o -l output -d 'Where to write the PDF' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from pdf" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Mint the run\'s receipt into the organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "export" -d 'Save a receipt\'s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "show" -d 'The public receipt of a run (by run id) or share token'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "pdf" -d 'Download the one-page PDF of a receipt'
complete -c defendable -n "__fish_defendable_using_subcommand receipt; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -f -a "recent" -d 'The newest receipts with a one-line summary each'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and not __fish_seen_subcommand_from recent help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l schema -d 'Only this payload schema (e.g. `defendablecloud.eval-receipt/v1`)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l limit -d 'How many (1 to 50)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from recent" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from help" -f -a "recent" -d 'The newest receipts with a one-line summary each'
complete -c defendable -n "__fish_defendable_using_subcommand receipts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "checkpoint" -d 'The signed checkpoint of your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "prove" -d 'An inclusion proof of one receipt (checked here against the signed checkpoint)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "consistency" -d 'A consistency proof between two sizes of the chain (checked here)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "ls" -d 'List the chain, oldest first (the cursor is the next position)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "list" -d 'List the chain, oldest first (the cursor is the next position)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "verify" -d 'Verify the chain here, from the exact stored payloads'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "export" -d 'Save the whole chain with its canonical payloads'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and not __fish_seen_subcommand_from checkpoint prove consistency ls list verify export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from prove" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l from -d 'The older chain size' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l to -d 'The newer chain size (default: the current size)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from consistency" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l from-seq -d 'Start at this position' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l from-seq -d 'Start at this position' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l offline -d 'Check a file saved by `ledger export` instead, with no network' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l server -d 'Also show the server\'s own verification report'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -s o -l output -d 'Where to write the file (`-` for stdout where allowed)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'The signed checkpoint of your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "prove" -d 'An inclusion proof of one receipt (checked here against the signed checkpoint)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "consistency" -d 'A consistency proof between two sizes of the chain (checked here)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the chain, oldest first (the cursor is the next position)'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify the chain here, from the exact stored payloads'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "export" -d 'Save the whole chain with its canonical payloads'
complete -c defendable -n "__fish_defendable_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -f -a "checkpoint" -d 'The signed checkpoint of the chain a shared receipt belongs to'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -f -a "consistency" -d 'A consistency proof between two sizes of that chain'
complete -c defendable -n "__fish_defendable_using_subcommand log; and not __fish_seen_subcommand_from checkpoint consistency help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l first -d 'The earlier tree size' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l second -d 'The later tree size' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from consistency" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'The signed checkpoint of the chain a shared receipt belongs to'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "consistency" -d 'A consistency proof between two sizes of that chain'
complete -c defendable -n "__fish_defendable_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "request" -d 'Queue a cook against the run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "ls" -d 'List your organisation\'s cooks, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "list" -d 'List your organisation\'s cooks, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "show" -d 'One cook, with its receipt once it succeeded'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "view" -d 'One cook, with its receipt once it succeeded'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and not __fish_seen_subcommand_from request ls list show view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l dataset -d 'The dataset package slug to tune with' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l base-model -d 'The base model (default swarm/curator-9b)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from request" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from help" -f -a "request" -d 'Queue a cook against the run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List your organisation\'s cooks, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from help" -f -a "show" -d 'One cook, with its receipt once it succeeded'
complete -c defendable -n "__fish_defendable_using_subcommand cooks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "work" -d 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "issue" -d 'Issue a per-runner token; it is printed once (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "ls" -d 'List the per-runner tokens (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "list" -d 'List the per-runner tokens (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "revoke" -d 'Revoke a per-runner token (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and not __fish_seen_subcommand_from work issue ls list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l runner -d 'The runner\'s name, shown on the cooks it takes (a per-runner token\'s own name wins)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l exec -d 'The command that does a job: run with `sh -c`, given the job as JSON on stdin, it prints `{"eval_after": 0..1, "adapter_ref"?: "...", "metrics"?: {...}}` on stdout; stderr lines `progress 0.42` move the progress bar' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l token -d 'The runner token: the shared RUNNER_TOKEN or a per-runner token' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l lease -d 'The lease to ask for, in seconds; heartbeats renew it at a third of that' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l idle-max -d 'The longest wait between polls of an empty queue, in seconds' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l max-jobs -d 'Stop after this many jobs' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l exit-when-idle -d 'Stop as soon as the queue is empty instead of waiting for more'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from work" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from issue" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from help" -f -a "work" -d 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from help" -f -a "issue" -d 'Issue a per-runner token; it is printed once (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the per-runner tokens (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a per-runner token (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand runner; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l key -d 'The keys to trust: a saved `/.well-known/defendable-keys` document or verifier keys one a line (else the keys pinned here)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l offline -d 'Only read a local file; never touch the network'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l integrity-only -d 'Accept a receipt that is intact but not authenticated (no signature checked against a trusted key); without it, that exits 3'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l require-pinned -d 'Refuse a server key that is not pinned already, instead of pinning it on first use'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand verify" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "ls" -d 'The packages with what your organisation may download (plan, staged)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "list" -d 'The packages with what your organisation may download (plan, staged)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "catalog" -d 'The whole catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "show" -d 'One package'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "view" -d 'One package'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "download" -d 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "staging" -d 'Files that unexpired grants are waiting for (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "stage-complete" -d 'Tell the server a package file is staged; waiting grantees are mailed (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "samples" -d 'The first rows of a package file'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and not __fish_seen_subcommand_from ls list catalog show view download staging stage-complete samples help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l vertical -d 'Only this vertical' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from catalog" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l ttl -d 'How long the grant\'s download link works, in hours (1 to 168)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -s o -l output -d 'Where to write the file (default `<slug>.jsonl`; `-` for stdout)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from staging" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from stage-complete" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l limit -d 'How many rows (1 to 50)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from samples" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "ls" -d 'The packages with what your organisation may download (plan, staged)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "catalog" -d 'The whole catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "show" -d 'One package'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "staging" -d 'Files that unexpired grants are waiting for (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "stage-complete" -d 'Tell the server a package file is staged; waiting grantees are mailed (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "samples" -d 'The first rows of a package file'
complete -c defendable -n "__fish_defendable_using_subcommand datasets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -f -a "catalog" -d 'The model catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -f -a "show" -d 'One model card'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -f -a "view" -d 'One model card'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -f -a "pin" -d 'Pin a model into a receipt on your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand models; and not __fish_seen_subcommand_from catalog show view pin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from catalog" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l declaration -d 'Why this model (at most 500 characters)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l client-ref -d 'Your own reference (at most 120 characters)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from pin" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "catalog" -d 'The model catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "show" -d 'One model card'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "pin" -d 'Pin a model into a receipt on your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -f -a "status" -d 'Where the membership stands: status, seat, renewal date, waitlist position'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -f -a "apply" -d 'Apply for membership (owner); prompts for the company name on a terminal'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -f -a "checkout" -d 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -f -a "approve" -d 'Approve an organisation\'s application as the operator (X-Internal-Key)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and not __fish_seen_subcommand_from status apply checkout approve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l company -d 'The company applying (1 to 200 characters)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l intended-use -d 'What you will use the service for (at most 1000 characters)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l referral-source -d 'How you heard of the service (at most 200 characters)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l return-to -d 'Where Stripe sends you back (an origin the server allows; default the app\'s)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l no-open -d 'Never offer to open the link in a browser'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from checkout" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l internal-key -d 'The server\'s INTERNAL_API_KEY' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from approve" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from help" -f -a "status" -d 'Where the membership stands: status, seat, renewal date, waitlist position'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Apply for membership (owner); prompts for the company name on a terminal'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from help" -f -a "checkout" -d 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve an organisation\'s application as the operator (X-Internal-Key)'
complete -c defendable -n "__fish_defendable_using_subcommand membership; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -f -a "applications" -d 'Membership applications awaiting review'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -f -a "health" -d 'Whether you pass the administrator gate'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -f -a "stripe-event" -d 'Send a Stripe event (a JSON file) to the server\'s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and not __fish_seen_subcommand_from applications health stripe-event help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -f -a "ls" -d 'Pending and waitlisted applications, oldest first'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -f -a "list" -d 'Pending and waitlisted applications, oldest first'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -f -a "approve" -d 'Approve an application (waitlisted instead when the service is full)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from applications" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from health" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l webhook-secret -d 'The webhook endpoint\'s signing secret' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from stripe-event" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "applications" -d 'Membership applications awaiting review'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "health" -d 'Whether you pass the administrator gate'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "stripe-event" -d 'Send a Stripe event (a JSON file) to the server\'s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end'
complete -c defendable -n "__fish_defendable_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -f -a "training-data" -d 'The training-data policy; its hash is recomputed here and compared'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and not __fish_seen_subcommand_from training-data help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from training-data" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "training-data" -d 'The training-data policy; its hash is recomputed here and compared'
complete -c defendable -n "__fish_defendable_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "ls" -d 'Active agent profiles with their capability summary, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "list" -d 'Active agent profiles with their capability summary, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "show" -d 'One profile with its capability by lane'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "view" -d 'One profile with its capability by lane'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "create" -d 'Declare an agent profile'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "watchdog" -d 'Open an incident for every blocked lane and lock those lanes'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and not __fish_seen_subcommand_from ls list show view create watchdog help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l harness -d 'The agent harness (the program that drives the model)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l harness-version -d 'The harness\'s version' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l model -d 'The model the agent runs on' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l provider -d 'Who provides the model' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l served-by -d 'Who serves the model (API, local runtime)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l runtime-host -d 'The host the agent runs on' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l runtime-os -d 'The host\'s operating system' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l runtime-hardware -d 'The host\'s hardware (CPU, GPU)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l tool -d 'A tool the agent uses (repeatable)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l context-window -d 'The model\'s context window, in tokens' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l tier -d 'The model\'s size tier' -r -f -a "edge\t''
small\t''
mid\t''
frontier\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l notes -d 'Free-form notes' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l blocked-lane -d 'A lane (flight-sheet name) runs of this profile may not use (repeatable)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l spend-cap-usd -d 'Spending cap in USD, recorded in the governance' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l requires-approval-client-output -d 'Client-facing output needs a human approval'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from watchdog" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Active agent profiles with their capability summary, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "show" -d 'One profile with its capability by lane'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "create" -d 'Declare an agent profile'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "watchdog" -d 'Open an incident for every blocked lane and lock those lanes'
complete -c defendable -n "__fish_defendable_using_subcommand agents; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "ls" -d 'Incidents, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "list" -d 'Incidents, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "open" -d 'Open an incident'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "resolve" -d 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "receipt" -d 'Mint (or fetch) the receipt of the incident\'s current state'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and not __fish_seen_subcommand_from ls list open resolve receipt help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l agent -d 'Only incidents of this agent profile (its id or a unique prefix of it)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l status -d 'The result' -r -f -a "open\t''
resolved\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l agent -d 'Only incidents of this agent profile (its id or a unique prefix of it)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l status -d 'The result' -r -f -a "open\t''
resolved\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l limit -d 'How many at most on one page (a server caps it at its largest page)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l cursor -d 'Start after the page that printed this cursor' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l all -d 'Every page to the end of the list (rows are printed as the pages arrive)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l title -d 'What happened, in one line' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l kind -d 'The kind of incident' -r -f -a "rogue\t''
dark\t''
policy-violation\t''
recurring-flag\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l tier -d 'How severe it is' -r -f -a "low\t''
mid\t''
high\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l detail -d 'What happened, in full' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l lane -d 'The lane involved' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l agent -d 'The agent profile involved (its id or a unique prefix of it)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l run -d 'The run involved (its id or a unique prefix of it)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l response -d 'A response step (repeatable)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from open" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l reopen -d 'Reopen instead of resolving'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from resolve" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from receipt" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Incidents, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open an incident'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from help" -f -a "resolve" -d 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from help" -f -a "receipt" -d 'Mint (or fetch) the receipt of the incident\'s current state'
complete -c defendable -n "__fish_defendable_using_subcommand incidents; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -f -a "options" -d 'The planner\'s task classes, model tiers and compute tiers'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -f -a "assess" -d 'Which model and compute your jobs need (asks on a terminal when no --job is given)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and not __fish_seen_subcommand_from options assess help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from options" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l job -d 'A task-class key (repeatable; see `stack options`)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l preference -d 'Where you would rather run it' -r -f -a "owner\t''
cloud\t''
hybrid\t''"
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l budget -d 'The budget band' -r -f -a "low\t''
medium\t''
high\t''"
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l client-facing -d 'The output goes to clients'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l high-stakes -d 'The stakes are high (money, legal, safety)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l always-on -d 'The agents must run around the clock'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l data-local-only -d 'Data may not leave your own hardware'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from assess" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from help" -f -a "options" -d 'The planner\'s task classes, model tiers and compute tiers'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from help" -f -a "assess" -d 'Which model and compute your jobs need (asks on a terminal when no --job is given)'
complete -c defendable -n "__fish_defendable_using_subcommand stack; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -f -a "get" -d 'Print one setting (api, color, timeout)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -f -a "set" -d 'Change one setting (api is per profile; color and timeout apply to all)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -f -a "ls" -d 'Every setting with its value and where it comes from'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -f -a "list" -d 'Every setting with its value and where it comes from'
complete -c defendable -n "__fish_defendable_using_subcommand config; and not __fish_seen_subcommand_from get set ls list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one setting (api, color, timeout)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one setting (api is per profile; color and timeout apply to all)'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "ls" -d 'Every setting with its value and where it comes from'
complete -c defendable -n "__fish_defendable_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand api" -s f -l field -d 'A body field KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON). With GET and DELETE the fields become query parameters' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l input -d 'Send this file as the request body (`-` for stdin)' -r -F
complete -c defendable -n "__fish_defendable_using_subcommand api" -s H -l header -d 'An extra request header KEY:VALUE (repeatable)' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand api" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand api" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand api" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand api" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l api -d 'The server\'s base URL. Else DEFENDABLE_API, the profile\'s server, or http://127.0.0.1:8080' -r
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l profile -d 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"' -r
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l jq -d 'Filter the JSON output through a jq expression (implies --json)' -r
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l color -d 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l timeout -d 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config\'s `timeout`, or 30)' -r
complete -c defendable -n "__fish_defendable_using_subcommand completion" -l json -d 'Print one JSON document instead of tables (errors go to stderr as JSON too)'
complete -c defendable -n "__fish_defendable_using_subcommand completion" -s h -l help -d 'Print help'
complete -c defendable -n "__fish_defendable_using_subcommand completion" -s V -l version -d 'Print version'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "auth" -d 'Sign in, check who you are, sign out'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "server" -d 'The server you talk to: service info and health'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "org" -d 'Your organisation'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "keys" -d 'API keys for CI and agents (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "members" -d 'People in your organisation and their roles'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "invites" -d 'Invite people to your organisation (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "projects" -d 'Projects group runs'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "flight-sheets" -d 'The rulebooks runs are audited against'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "runs" -d 'Defendable Runs and what they hold'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "evidence" -d 'Evidence attached to a run'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "submission" -d 'The agent\'s output for a run'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "audit" -d 'Audits: apply the flight sheet, grade checklist rules, finalise the verdict'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "checks" -d 'The core check engine, for runs without a flight sheet'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "approval" -d 'The human decision on a verdict'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "receipt" -d 'Mint, show and download receipts'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "receipts" -d 'Your organisation\'s receipts across every kind (members only)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "ledger" -d 'Your organisation\'s receipt chain'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "log" -d 'The public log of a shared receipt\'s chain: checkpoint and consistency, no account'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "cooks" -d 'Cooks: preparation jobs tuned against a run\'s eval'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "runner" -d 'Runners: do queued cooks (runner token), and manage runner tokens (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "verify" -d 'Verify a receipt yourself: by link, share token, proof file, receipt JSON or PDF'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "datasets" -d 'The dataset catalog (members only)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "models" -d 'The model catalog and model pins (members only)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "membership" -d 'Your organisation\'s membership: apply, see where it stands, pay'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "admin" -d 'Administrators: review and approve membership applications'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "policy" -d 'The service\'s published policies'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "agents" -d 'Agent profiles, their capability by lane, and the watchdog'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "incidents" -d 'Incidents: open, list, resolve, and prove them with receipts'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "stack" -d 'Plan the model and compute your agents\' jobs need'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "config" -d 'Show or change this CLI\'s defaults (server, colour, timeout)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "api" -d 'Send a raw request to the API and print the JSON answer (like `gh api`); the stored token goes only to its own server'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c defendable -n "__fish_defendable_using_subcommand help; and not __fish_seen_subcommand_from auth server org keys members invites projects flight-sheets runs evidence submission audit checks approval receipt receipts ledger log cooks runner verify datasets models membership admin policy agents incidents stack config api completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Ask for a magic sign-in link (prompts for the email on a terminal)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "verify" -d 'Exchange a magic-link token for a session and store it'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Who you are, which server, and where the token is stored'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "accept-invite" -d 'Accept an invite (the token or the whole invite link) and sign in'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Sign out: the session is revoked on the server and forgotten here'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the token this CLI sends to this server (for scripts and other tools)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "info" -d 'The service\'s name, version and API version'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "health" -d 'Database and storage health'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "keys" -d 'The server\'s signing keys (current and retired)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from org" -f -a "show" -d 'Your organisation and its counts'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from org" -f -a "usage" -d 'Receipt counts'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from org" -f -a "settings" -d 'Show the settings, or change them (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "create" -d 'Mint a key; its secret is printed once'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "ls" -d 'List keys (never their secrets)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "revoke" -d 'Revoke a key; it fails from the next request on'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "trust" -d 'Trust a server\'s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from members" -f -a "ls" -d 'List members'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from members" -f -a "set-role" -d 'Change a member\'s role (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from members" -f -a "rm" -d 'Remove a member; their sessions stop working (owner)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from invites" -f -a "create" -d 'Invite someone; prints the invite link (valid 7 days)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from invites" -f -a "ls" -d 'List invites'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "ls" -d 'List projects'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from projects" -f -a "create" -d 'Create a project: `projects create NAME` or `projects create --name NAME`'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from flight-sheets" -f -a "ls" -d 'List the active flight sheets'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from flight-sheets" -f -a "show" -d 'Show one flight sheet with its rules'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "new" -d 'Start a run, against a flight sheet or (without one) a lane template'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "ls" -d 'List runs, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "show" -d 'Everything about one run'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "submission" -d 'The run\'s current submission'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "checks" -d 'The run\'s applied rules'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "flags" -d 'The run\'s flagged rules'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "verdict" -d 'The run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from evidence" -f -a "ls" -d 'List a run\'s evidence, whole, one page at a time'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from evidence" -f -a "add" -d 'Attach a text or URL evidence item'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from evidence" -f -a "upload" -d 'Upload a file (streamed, with its sha256 checked against the server\'s)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from submission" -f -a "add" -d 'Post the agent\'s output: --output-file F, --output-text T, or `-` for stdin'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "run" -d 'Apply the run\'s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "grade" -d 'Apply a checklist rule: satisfied (pass) or flagged'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "finalize" -d 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from checks" -f -a "run" -d 'Run the core check engine (lane templates) on a run without a flight sheet'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from approval" -f -a "set" -d 'Record the human decision (asks for confirmation on a terminal unless --yes)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "generate" -d 'Mint the run\'s receipt into the organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "export" -d 'Save a receipt\'s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "show" -d 'The public receipt of a run (by run id) or share token'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from receipt" -f -a "pdf" -d 'Download the one-page PDF of a receipt'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from receipts" -f -a "recent" -d 'The newest receipts with a one-line summary each'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "checkpoint" -d 'The signed checkpoint of your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "prove" -d 'An inclusion proof of one receipt (checked here against the signed checkpoint)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "consistency" -d 'A consistency proof between two sizes of the chain (checked here)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "ls" -d 'List the chain, oldest first (the cursor is the next position)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "verify" -d 'Verify the chain here, from the exact stored payloads'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "export" -d 'Save the whole chain with its canonical payloads'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "checkpoint" -d 'The signed checkpoint of the chain a shared receipt belongs to'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "consistency" -d 'A consistency proof between two sizes of that chain'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from cooks" -f -a "request" -d 'Queue a cook against the run\'s current verdict'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from cooks" -f -a "ls" -d 'List your organisation\'s cooks, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from cooks" -f -a "show" -d 'One cook, with its receipt once it succeeded'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runner" -f -a "work" -d 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runner" -f -a "issue" -d 'Issue a per-runner token; it is printed once (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runner" -f -a "ls" -d 'List the per-runner tokens (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from runner" -f -a "revoke" -d 'Revoke a per-runner token (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "ls" -d 'The packages with what your organisation may download (plan, staged)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "catalog" -d 'The whole catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "show" -d 'One package'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "download" -d 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "staging" -d 'Files that unexpired grants are waiting for (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "stage-complete" -d 'Tell the server a package file is staged; waiting grantees are mailed (operator)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from datasets" -f -a "samples" -d 'The first rows of a package file'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "catalog" -d 'The model catalog; its hashes are recomputed and compared'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "show" -d 'One model card'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "pin" -d 'Pin a model into a receipt on your organisation\'s chain'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from membership" -f -a "status" -d 'Where the membership stands: status, seat, renewal date, waitlist position'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from membership" -f -a "apply" -d 'Apply for membership (owner); prompts for the company name on a terminal'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from membership" -f -a "checkout" -d 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from membership" -f -a "approve" -d 'Approve an organisation\'s application as the operator (X-Internal-Key)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "applications" -d 'Membership applications awaiting review'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "health" -d 'Whether you pass the administrator gate'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "stripe-event" -d 'Send a Stripe event (a JSON file) to the server\'s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "training-data" -d 'The training-data policy; its hash is recomputed here and compared'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "ls" -d 'Active agent profiles with their capability summary, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "show" -d 'One profile with its capability by lane'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "create" -d 'Declare an agent profile'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from agents" -f -a "watchdog" -d 'Open an incident for every blocked lane and lock those lanes'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from incidents" -f -a "ls" -d 'Incidents, newest first'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from incidents" -f -a "open" -d 'Open an incident'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from incidents" -f -a "resolve" -d 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from incidents" -f -a "receipt" -d 'Mint (or fetch) the receipt of the incident\'s current state'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from stack" -f -a "options" -d 'The planner\'s task classes, model tiers and compute tiers'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from stack" -f -a "assess" -d 'Which model and compute your jobs need (asks on a terminal when no --job is given)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one setting (api, color, timeout)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one setting (api is per profile; color and timeout apply to all)'
complete -c defendable -n "__fish_defendable_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "ls" -d 'Every setting with its value and where it comes from'
