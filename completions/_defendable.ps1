
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'defendable' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'defendable'
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
        'defendable' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in, check who you are, sign out')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'The server you talk to: service info and health')
            [CompletionResult]::new('org', 'org', [CompletionResultType]::ParameterValue, 'Your organisation')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'API keys for CI and agents (owner)')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'People in your organisation and their roles')
            [CompletionResult]::new('invites', 'invites', [CompletionResultType]::ParameterValue, 'Invite people to your organisation (owner)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'Projects group runs')
            [CompletionResult]::new('flight-sheets', 'flight-sheets', [CompletionResultType]::ParameterValue, 'The rulebooks runs are audited against')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Defendable Runs and what they hold')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Evidence attached to a run')
            [CompletionResult]::new('submission', 'submission', [CompletionResultType]::ParameterValue, 'The agent''s output for a run')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audits: apply the flight sheet, grade checklist rules, finalise the verdict')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The core check engine, for runs without a flight sheet')
            [CompletionResult]::new('approval', 'approval', [CompletionResultType]::ParameterValue, 'The human decision on a verdict')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Mint, show and download receipts')
            [CompletionResult]::new('receipts', 'receipts', [CompletionResultType]::ParameterValue, 'Your organisation''s receipts across every kind (members only)')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'Your organisation''s receipt chain')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The public log of a shared receipt''s chain: checkpoint and consistency, no account')
            [CompletionResult]::new('cooks', 'cooks', [CompletionResultType]::ParameterValue, 'Cooks: preparation jobs tuned against a run''s eval')
            [CompletionResult]::new('runner', 'runner', [CompletionResultType]::ParameterValue, 'Runners: do queued cooks (runner token), and manage runner tokens (operator)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a receipt yourself: by link, share token, proof file, receipt JSON or PDF')
            [CompletionResult]::new('datasets', 'datasets', [CompletionResultType]::ParameterValue, 'The dataset catalog (members only)')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model catalog and model pins (members only)')
            [CompletionResult]::new('membership', 'membership', [CompletionResultType]::ParameterValue, 'Your organisation''s membership: apply, see where it stands, pay')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Administrators: review and approve membership applications')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The service''s published policies')
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'Agent profiles, their capability by lane, and the watchdog')
            [CompletionResult]::new('incidents', 'incidents', [CompletionResultType]::ParameterValue, 'Incidents: open, list, resolve, and prove them with receipts')
            [CompletionResult]::new('stack', 'stack', [CompletionResultType]::ParameterValue, 'Plan the model and compute your agents'' jobs need')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change this CLI''s defaults (server, colour, timeout)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Send a raw request to the API and print the JSON answer (like `gh api`); the stored token goes only to its own server')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;auth' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Ask for a magic sign-in link (prompts for the email on a terminal)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exchange a magic-link token for a session and store it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who you are, which server, and where the token is stored')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept an invite (the token or the whole invite link) and sign in')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: the session is revoked on the server and forgotten here')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token this CLI sends to this server (for scripts and other tools)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;auth;login' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The email to sign in with')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;verify' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;status' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;accept-invite' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;logout' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;token' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Ask for a magic sign-in link (prompts for the email on a terminal)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exchange a magic-link token for a session and store it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who you are, which server, and where the token is stored')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept an invite (the token or the whole invite link) and sign in')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: the session is revoked on the server and forgotten here')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token this CLI sends to this server (for scripts and other tools)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;auth;help;login' {
            break
        }
        'defendable;auth;help;verify' {
            break
        }
        'defendable;auth;help;status' {
            break
        }
        'defendable;auth;help;accept-invite' {
            break
        }
        'defendable;auth;help;logout' {
            break
        }
        'defendable;auth;help;token' {
            break
        }
        'defendable;auth;help;help' {
            break
        }
        'defendable;server' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The service''s name, version and API version')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Database and storage health')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'The server''s signing keys (current and retired)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;server;info' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;server;health' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;server;keys' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;server;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The service''s name, version and API version')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Database and storage health')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'The server''s signing keys (current and retired)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;server;help;info' {
            break
        }
        'defendable;server;help;health' {
            break
        }
        'defendable;server;help;keys' {
            break
        }
        'defendable;server;help;help' {
            break
        }
        'defendable;org' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Your organisation and its counts')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Your organisation and its counts')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Receipt counts')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show the settings, or change them (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;org;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;org;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;org;usage' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;org;settings' {
            [CompletionResult]::new('--require-distinct-approver', '--require-distinct-approver', [CompletionResultType]::ParameterName, 'Require the approver to differ from whoever posted the submission')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;org;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Your organisation and its counts')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Receipt counts')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show the settings, or change them (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;org;help;show' {
            break
        }
        'defendable;org;help;usage' {
            break
        }
        'defendable;org;help;settings' {
            break
        }
        'defendable;org;help;help' {
            break
        }
        'defendable;keys' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Mint a key; its secret is printed once')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List keys (never their secrets)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key; it fails from the next request on')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Trust a server''s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;keys;create' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'A scope (repeatable): read, runs:write, approve. Default: read and runs:write')
            [CompletionResult]::new('--expires-in-days', '--expires-in-days', [CompletionResultType]::ParameterName, 'Days until the key expires')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;keys;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;keys;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;keys;revoke' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;keys;trust' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;keys;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Mint a key; its secret is printed once')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List keys (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key; it fails from the next request on')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Trust a server''s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;keys;help;create' {
            break
        }
        'defendable;keys;help;ls' {
            break
        }
        'defendable;keys;help;revoke' {
            break
        }
        'defendable;keys;help;trust' {
            break
        }
        'defendable;keys;help;help' {
            break
        }
        'defendable;members' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change a member''s role (owner)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a member; their sessions stop working (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;members;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;members;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;members;set-role' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;members;rm' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;members;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change a member''s role (owner)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a member; their sessions stop working (owner)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;members;help;ls' {
            break
        }
        'defendable;members;help;set-role' {
            break
        }
        'defendable;members;help;rm' {
            break
        }
        'defendable;members;help;help' {
            break
        }
        'defendable;invites' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Invite someone; prints the invite link (valid 7 days)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List invites')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invites')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;invites;create' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;invites;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;invites;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;invites;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Invite someone; prints the invite link (valid 7 days)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List invites')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;invites;help;create' {
            break
        }
        'defendable;invites;help;ls' {
            break
        }
        'defendable;invites;help;help' {
            break
        }
        'defendable;projects' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project: `projects create NAME` or `projects create --name NAME`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;projects;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;projects;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;projects;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The project''s name, as an option (the same as NAME)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;projects;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project: `projects create NAME` or `projects create --name NAME`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;projects;help;ls' {
            break
        }
        'defendable;projects;help;create' {
            break
        }
        'defendable;projects;help;help' {
            break
        }
        'defendable;flight-sheets' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the active flight sheets')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the active flight sheets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one flight sheet with its rules')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one flight sheet with its rules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;flight-sheets;ls' {
            [CompletionResult]::new('--lane', '--lane', [CompletionResultType]::ParameterName, 'Only sheets of this lane')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;flight-sheets;list' {
            [CompletionResult]::new('--lane', '--lane', [CompletionResultType]::ParameterName, 'Only sheets of this lane')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;flight-sheets;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;flight-sheets;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;flight-sheets;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the active flight sheets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one flight sheet with its rules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;flight-sheets;help;ls' {
            break
        }
        'defendable;flight-sheets;help;show' {
            break
        }
        'defendable;flight-sheets;help;help' {
            break
        }
        'defendable;runs' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a run, against a flight sheet or (without one) a lane template')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List runs, newest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List runs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one run')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Everything about one run')
            [CompletionResult]::new('submission', 'submission', [CompletionResultType]::ParameterValue, 'The run''s current submission')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The run''s applied rules')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'The run''s flagged rules')
            [CompletionResult]::new('verdict', 'verdict', [CompletionResultType]::ParameterValue, 'The run''s current verdict')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;runs;new' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project the run belongs to: its id or a unique prefix of it')
            [CompletionResult]::new('--flight-sheet', '--flight-sheet', [CompletionResultType]::ParameterName, 'The flight sheet (id or slug)')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The run''s title (required without a flight sheet)')
            [CompletionResult]::new('--lane', '--lane', [CompletionResultType]::ParameterName, 'The lane, for runs without a flight sheet')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'A run input, KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON)')
            [CompletionResult]::new('--agent-profile', '--agent-profile', [CompletionResultType]::ParameterName, 'The agent profile doing the work: its id or a unique prefix of it')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--override-blocked-lane', '--override-blocked-lane', [CompletionResultType]::ParameterName, 'Run on a lane the agent profile blocks (an owner''s session only)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;ls' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only runs of this project: its id or a unique prefix of it')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;list' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only runs of this project: its id or a unique prefix of it')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the run''s receipt page in the browser (prints the URL when none opens)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the run''s receipt page in the browser (prints the URL when none opens)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;submission' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;checks' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;flags' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;verdict' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runs;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a run, against a flight sheet or (without one) a lane template')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List runs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one run')
            [CompletionResult]::new('submission', 'submission', [CompletionResultType]::ParameterValue, 'The run''s current submission')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The run''s applied rules')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'The run''s flagged rules')
            [CompletionResult]::new('verdict', 'verdict', [CompletionResultType]::ParameterValue, 'The run''s current verdict')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;runs;help;new' {
            break
        }
        'defendable;runs;help;ls' {
            break
        }
        'defendable;runs;help;show' {
            break
        }
        'defendable;runs;help;submission' {
            break
        }
        'defendable;runs;help;checks' {
            break
        }
        'defendable;runs;help;flags' {
            break
        }
        'defendable;runs;help;verdict' {
            break
        }
        'defendable;runs;help;help' {
            break
        }
        'defendable;evidence' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a run''s evidence, whole, one page at a time')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a run''s evidence, whole, one page at a time')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Attach a text or URL evidence item')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a file (streamed, with its sha256 checked against the server''s)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;evidence;ls' {
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Items to skip')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items to list (1 to 20)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;evidence;list' {
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Items to skip')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items to list (1 to 20)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;evidence;add' {
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'What the evidence is')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The kind of evidence')
            [CompletionResult]::new('--content', '--content', [CompletionResultType]::ParameterName, 'The evidence text (or URL for kind url)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;evidence;upload' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The file to upload, as an option (the same as FILE)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A label (defaults to the file name)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;evidence;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a run''s evidence, whole, one page at a time')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Attach a text or URL evidence item')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a file (streamed, with its sha256 checked against the server''s)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;evidence;help;ls' {
            break
        }
        'defendable;evidence;help;add' {
            break
        }
        'defendable;evidence;help;upload' {
            break
        }
        'defendable;evidence;help;help' {
            break
        }
        'defendable;submission' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Post the agent''s output: --output-file F, --output-text T, or `-` for stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;submission;add' {
            [CompletionResult]::new('--output-file', '--output-file', [CompletionResultType]::ParameterName, 'Read the output from this file')
            [CompletionResult]::new('--output-text', '--output-text', [CompletionResultType]::ParameterName, 'The output itself')
            [CompletionResult]::new('--agent-name', '--agent-name', [CompletionResultType]::ParameterName, 'The agent''s name')
            [CompletionResult]::new('--model-name', '--model-name', [CompletionResultType]::ParameterName, 'The model that produced the output')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The model provider')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Free-form notes')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;submission;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Post the agent''s output: --output-file F, --output-text T, or `-` for stdin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;submission;help;add' {
            break
        }
        'defendable;submission;help;help' {
            break
        }
        'defendable;audit' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply the run''s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)')
            [CompletionResult]::new('grade', 'grade', [CompletionResultType]::ParameterValue, 'Apply a checklist rule: satisfied (pass) or flagged')
            [CompletionResult]::new('finalize', 'finalize', [CompletionResultType]::ParameterValue, 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;audit;run' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when the outcome is, or is already bound to be, at least this bad')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--allow-pending', '--allow-pending', [CompletionResultType]::ParameterName, 'With --fail-on, exit 0 rather than 5 while checklist rules are still open')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;audit;grade' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The result, as an option (the same as STATUS)')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'Why')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;audit;finalize' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when the verdict is at least this bad (for CI gates)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;audit;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply the run''s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)')
            [CompletionResult]::new('grade', 'grade', [CompletionResultType]::ParameterValue, 'Apply a checklist rule: satisfied (pass) or flagged')
            [CompletionResult]::new('finalize', 'finalize', [CompletionResultType]::ParameterValue, 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;audit;help;run' {
            break
        }
        'defendable;audit;help;grade' {
            break
        }
        'defendable;audit;help;finalize' {
            break
        }
        'defendable;audit;help;help' {
            break
        }
        'defendable;checks' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the core check engine (lane templates) on a run without a flight sheet')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;checks;run' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;checks;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the core check engine (lane templates) on a run without a flight sheet')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;checks;help;run' {
            break
        }
        'defendable;checks;help;help' {
            break
        }
        'defendable;approval' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the human decision (asks for confirmation on a terminal unless --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;approval;set' {
            [CompletionResult]::new('--decision', '--decision', [CompletionResultType]::ParameterName, 'The human decision on the run''s verdict')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the approval')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;approval;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the human decision (asks for confirmation on a terminal unless --yes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;approval;help;set' {
            break
        }
        'defendable;approval;help;help' {
            break
        }
        'defendable;receipt' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Mint the run''s receipt into the organisation''s chain')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save a receipt''s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The public receipt of a run (by run id) or share token')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'The public receipt of a run (by run id) or share token')
            [CompletionResult]::new('pdf', 'pdf', [CompletionResultType]::ParameterValue, 'Download the one-page PDF of a receipt')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;receipt;generate' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipt;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the file (`-` for stdout where allowed)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the file (`-` for stdout where allowed)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipt;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the receipt''s page for people in the browser (prints the URL when none opens)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipt;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the receipt''s page for people in the browser (prints the URL when none opens)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipt;pdf' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the PDF')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the PDF')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipt;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Mint the run''s receipt into the organisation''s chain')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save a receipt''s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The public receipt of a run (by run id) or share token')
            [CompletionResult]::new('pdf', 'pdf', [CompletionResultType]::ParameterValue, 'Download the one-page PDF of a receipt')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;receipt;help;generate' {
            break
        }
        'defendable;receipt;help;export' {
            break
        }
        'defendable;receipt;help;show' {
            break
        }
        'defendable;receipt;help;pdf' {
            break
        }
        'defendable;receipt;help;help' {
            break
        }
        'defendable;receipts' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The newest receipts with a one-line summary each')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;receipts;recent' {
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Only this payload schema (e.g. `defendablecloud.eval-receipt/v1`)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many (1 to 50)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;receipts;help' {
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The newest receipts with a one-line summary each')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;receipts;help;recent' {
            break
        }
        'defendable;receipts;help;help' {
            break
        }
        'defendable;ledger' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of your organisation''s chain')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'An inclusion proof of one receipt (checked here against the signed checkpoint)')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of the chain (checked here)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the chain, oldest first (the cursor is the next position)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the chain, oldest first (the cursor is the next position)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the chain here, from the exact stored payloads')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save the whole chain with its canonical payloads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;ledger;checkpoint' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;prove' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;consistency' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The older chain size')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The newer chain size (default: the current size)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;ls' {
            [CompletionResult]::new('--from-seq', '--from-seq', [CompletionResultType]::ParameterName, 'Start at this position')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;list' {
            [CompletionResult]::new('--from-seq', '--from-seq', [CompletionResultType]::ParameterName, 'Start at this position')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;verify' {
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Check a file saved by `ledger export` instead, with no network')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Also show the server''s own verification report')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the file (`-` for stdout where allowed)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the file (`-` for stdout where allowed)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;ledger;help' {
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of your organisation''s chain')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'An inclusion proof of one receipt (checked here against the signed checkpoint)')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of the chain (checked here)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the chain, oldest first (the cursor is the next position)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the chain here, from the exact stored payloads')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save the whole chain with its canonical payloads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;ledger;help;checkpoint' {
            break
        }
        'defendable;ledger;help;prove' {
            break
        }
        'defendable;ledger;help;consistency' {
            break
        }
        'defendable;ledger;help;ls' {
            break
        }
        'defendable;ledger;help;verify' {
            break
        }
        'defendable;ledger;help;export' {
            break
        }
        'defendable;ledger;help;help' {
            break
        }
        'defendable;log' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of the chain a shared receipt belongs to')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of that chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;log;checkpoint' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;log;consistency' {
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'The earlier tree size')
            [CompletionResult]::new('--second', '--second', [CompletionResultType]::ParameterName, 'The later tree size')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;log;help' {
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of the chain a shared receipt belongs to')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of that chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;log;help;checkpoint' {
            break
        }
        'defendable;log;help;consistency' {
            break
        }
        'defendable;log;help;help' {
            break
        }
        'defendable;cooks' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Queue a cook against the run''s current verdict')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List your organisation''s cooks, newest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your organisation''s cooks, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One cook, with its receipt once it succeeded')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'One cook, with its receipt once it succeeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;cooks;request' {
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'The dataset package slug to tune with')
            [CompletionResult]::new('--base-model', '--base-model', [CompletionResultType]::ParameterName, 'The base model (default swarm/curator-9b)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;cooks;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;cooks;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;cooks;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;cooks;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;cooks;help' {
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Queue a cook against the run''s current verdict')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List your organisation''s cooks, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One cook, with its receipt once it succeeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;cooks;help;request' {
            break
        }
        'defendable;cooks;help;ls' {
            break
        }
        'defendable;cooks;help;show' {
            break
        }
        'defendable;cooks;help;help' {
            break
        }
        'defendable;runner' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a per-runner token; it is printed once (operator)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the per-runner tokens (operator)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the per-runner tokens (operator)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a per-runner token (operator)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;runner;work' {
            [CompletionResult]::new('--runner', '--runner', [CompletionResultType]::ParameterName, 'The runner''s name, shown on the cooks it takes (a per-runner token''s own name wins)')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'The command that does a job: run with `sh -c`, given the job as JSON on stdin, it prints `{"eval_after": 0..1, "adapter_ref"?: "...", "metrics"?: {...}}` on stdout; stderr lines `progress 0.42` move the progress bar')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The runner token: the shared RUNNER_TOKEN or a per-runner token')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'The lease to ask for, in seconds; heartbeats renew it at a third of that')
            [CompletionResult]::new('--idle-max', '--idle-max', [CompletionResultType]::ParameterName, 'The longest wait between polls of an empty queue, in seconds')
            [CompletionResult]::new('--max-jobs', '--max-jobs', [CompletionResultType]::ParameterName, 'Stop after this many jobs')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--exit-when-idle', '--exit-when-idle', [CompletionResultType]::ParameterName, 'Stop as soon as the queue is empty instead of waiting for more')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runner;issue' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runner;ls' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runner;list' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runner;revoke' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;runner;help' {
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a per-runner token; it is printed once (operator)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the per-runner tokens (operator)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a per-runner token (operator)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;runner;help;work' {
            break
        }
        'defendable;runner;help;issue' {
            break
        }
        'defendable;runner;help;ls' {
            break
        }
        'defendable;runner;help;revoke' {
            break
        }
        'defendable;runner;help;help' {
            break
        }
        'defendable;verify' {
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The keys to trust: a saved `/.well-known/defendable-keys` document or verifier keys one a line (else the keys pinned here)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Only read a local file; never touch the network')
            [CompletionResult]::new('--integrity-only', '--integrity-only', [CompletionResultType]::ParameterName, 'Accept a receipt that is intact but not authenticated (no signature checked against a trusted key); without it, that exits 3')
            [CompletionResult]::new('--require-pinned', '--require-pinned', [CompletionResultType]::ParameterName, 'Refuse a server key that is not pinned already, instead of pinning it on first use')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The packages with what your organisation may download (plan, staged)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The packages with what your organisation may download (plan, staged)')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The whole catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'One package')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt')
            [CompletionResult]::new('staging', 'staging', [CompletionResultType]::ParameterValue, 'Files that unexpired grants are waiting for (operator)')
            [CompletionResult]::new('stage-complete', 'stage-complete', [CompletionResultType]::ParameterValue, 'Tell the server a package file is staged; waiting grantees are mailed (operator)')
            [CompletionResult]::new('samples', 'samples', [CompletionResultType]::ParameterValue, 'The first rows of a package file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;datasets;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;catalog' {
            [CompletionResult]::new('--vertical', '--vertical', [CompletionResultType]::ParameterName, 'Only this vertical')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;download' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the grant''s download link works, in hours (1 to 168)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the file (default `<slug>.jsonl`; `-` for stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the file (default `<slug>.jsonl`; `-` for stdout)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;staging' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;stage-complete' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;samples' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many rows (1 to 50)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;datasets;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The packages with what your organisation may download (plan, staged)')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The whole catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt')
            [CompletionResult]::new('staging', 'staging', [CompletionResultType]::ParameterValue, 'Files that unexpired grants are waiting for (operator)')
            [CompletionResult]::new('stage-complete', 'stage-complete', [CompletionResultType]::ParameterValue, 'Tell the server a package file is staged; waiting grantees are mailed (operator)')
            [CompletionResult]::new('samples', 'samples', [CompletionResultType]::ParameterValue, 'The first rows of a package file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;datasets;help;ls' {
            break
        }
        'defendable;datasets;help;catalog' {
            break
        }
        'defendable;datasets;help;show' {
            break
        }
        'defendable;datasets;help;download' {
            break
        }
        'defendable;datasets;help;staging' {
            break
        }
        'defendable;datasets;help;stage-complete' {
            break
        }
        'defendable;datasets;help;samples' {
            break
        }
        'defendable;datasets;help;help' {
            break
        }
        'defendable;models' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The model catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One model card')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'One model card')
            [CompletionResult]::new('pin', 'pin', [CompletionResultType]::ParameterValue, 'Pin a model into a receipt on your organisation''s chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;models;catalog' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;models;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;models;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;models;pin' {
            [CompletionResult]::new('--declaration', '--declaration', [CompletionResultType]::ParameterName, 'Why this model (at most 500 characters)')
            [CompletionResult]::new('--client-ref', '--client-ref', [CompletionResultType]::ParameterName, 'Your own reference (at most 120 characters)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;models;help' {
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The model catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One model card')
            [CompletionResult]::new('pin', 'pin', [CompletionResultType]::ParameterValue, 'Pin a model into a receipt on your organisation''s chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;models;help;catalog' {
            break
        }
        'defendable;models;help;show' {
            break
        }
        'defendable;models;help;pin' {
            break
        }
        'defendable;models;help;help' {
            break
        }
        'defendable;membership' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where the membership stands: status, seat, renewal date, waitlist position')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply for membership (owner); prompts for the company name on a terminal')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an organisation''s application as the operator (X-Internal-Key)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;membership;status' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;membership;apply' {
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'The company applying (1 to 200 characters)')
            [CompletionResult]::new('--intended-use', '--intended-use', [CompletionResultType]::ParameterName, 'What you will use the service for (at most 1000 characters)')
            [CompletionResult]::new('--referral-source', '--referral-source', [CompletionResultType]::ParameterName, 'How you heard of the service (at most 200 characters)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;membership;checkout' {
            [CompletionResult]::new('--return-to', '--return-to', [CompletionResultType]::ParameterName, 'Where Stripe sends you back (an origin the server allows; default the app''s)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Never offer to open the link in a browser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;membership;approve' {
            [CompletionResult]::new('--internal-key', '--internal-key', [CompletionResultType]::ParameterName, 'The server''s INTERNAL_API_KEY')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;membership;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where the membership stands: status, seat, renewal date, waitlist position')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply for membership (owner); prompts for the company name on a terminal')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an organisation''s application as the operator (X-Internal-Key)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;membership;help;status' {
            break
        }
        'defendable;membership;help;apply' {
            break
        }
        'defendable;membership;help;checkout' {
            break
        }
        'defendable;membership;help;approve' {
            break
        }
        'defendable;membership;help;help' {
            break
        }
        'defendable;admin' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('applications', 'applications', [CompletionResultType]::ParameterValue, 'Membership applications awaiting review')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Whether you pass the administrator gate')
            [CompletionResult]::new('stripe-event', 'stripe-event', [CompletionResultType]::ParameterValue, 'Send a Stripe event (a JSON file) to the server''s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;admin;applications' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Pending and waitlisted applications, oldest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Pending and waitlisted applications, oldest first')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an application (waitlisted instead when the service is full)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;admin;applications;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;admin;applications;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;admin;applications;approve' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;admin;applications;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Pending and waitlisted applications, oldest first')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an application (waitlisted instead when the service is full)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;admin;applications;help;ls' {
            break
        }
        'defendable;admin;applications;help;approve' {
            break
        }
        'defendable;admin;applications;help;help' {
            break
        }
        'defendable;admin;health' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;admin;stripe-event' {
            [CompletionResult]::new('--webhook-secret', '--webhook-secret', [CompletionResultType]::ParameterName, 'The webhook endpoint''s signing secret')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;admin;help' {
            [CompletionResult]::new('applications', 'applications', [CompletionResultType]::ParameterValue, 'Membership applications awaiting review')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Whether you pass the administrator gate')
            [CompletionResult]::new('stripe-event', 'stripe-event', [CompletionResultType]::ParameterValue, 'Send a Stripe event (a JSON file) to the server''s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;admin;help;applications' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Pending and waitlisted applications, oldest first')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an application (waitlisted instead when the service is full)')
            break
        }
        'defendable;admin;help;applications;ls' {
            break
        }
        'defendable;admin;help;applications;approve' {
            break
        }
        'defendable;admin;help;health' {
            break
        }
        'defendable;admin;help;stripe-event' {
            break
        }
        'defendable;admin;help;help' {
            break
        }
        'defendable;policy' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('training-data', 'training-data', [CompletionResultType]::ParameterValue, 'The training-data policy; its hash is recomputed here and compared')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;policy;training-data' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;policy;help' {
            [CompletionResult]::new('training-data', 'training-data', [CompletionResultType]::ParameterValue, 'The training-data policy; its hash is recomputed here and compared')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;policy;help;training-data' {
            break
        }
        'defendable;policy;help;help' {
            break
        }
        'defendable;agents' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Active agent profiles with their capability summary, newest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Active agent profiles with their capability summary, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One profile with its capability by lane')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'One profile with its capability by lane')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Declare an agent profile')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Open an incident for every blocked lane and lock those lanes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;agents;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;show' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;view' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;create' {
            [CompletionResult]::new('--harness', '--harness', [CompletionResultType]::ParameterName, 'The agent harness (the program that drives the model)')
            [CompletionResult]::new('--harness-version', '--harness-version', [CompletionResultType]::ParameterName, 'The harness''s version')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The model the agent runs on')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Who provides the model')
            [CompletionResult]::new('--served-by', '--served-by', [CompletionResultType]::ParameterName, 'Who serves the model (API, local runtime)')
            [CompletionResult]::new('--runtime-host', '--runtime-host', [CompletionResultType]::ParameterName, 'The host the agent runs on')
            [CompletionResult]::new('--runtime-os', '--runtime-os', [CompletionResultType]::ParameterName, 'The host''s operating system')
            [CompletionResult]::new('--runtime-hardware', '--runtime-hardware', [CompletionResultType]::ParameterName, 'The host''s hardware (CPU, GPU)')
            [CompletionResult]::new('--tool', '--tool', [CompletionResultType]::ParameterName, 'A tool the agent uses (repeatable)')
            [CompletionResult]::new('--context-window', '--context-window', [CompletionResultType]::ParameterName, 'The model''s context window, in tokens')
            [CompletionResult]::new('--tier', '--tier', [CompletionResultType]::ParameterName, 'The model''s size tier')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Free-form notes')
            [CompletionResult]::new('--blocked-lane', '--blocked-lane', [CompletionResultType]::ParameterName, 'A lane (flight-sheet name) runs of this profile may not use (repeatable)')
            [CompletionResult]::new('--spend-cap-usd', '--spend-cap-usd', [CompletionResultType]::ParameterName, 'Spending cap in USD, recorded in the governance')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--requires-approval-client-output', '--requires-approval-client-output', [CompletionResultType]::ParameterName, 'Client-facing output needs a human approval')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;watchdog' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;agents;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Active agent profiles with their capability summary, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One profile with its capability by lane')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Declare an agent profile')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Open an incident for every blocked lane and lock those lanes')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;agents;help;ls' {
            break
        }
        'defendable;agents;help;show' {
            break
        }
        'defendable;agents;help;create' {
            break
        }
        'defendable;agents;help;watchdog' {
            break
        }
        'defendable;agents;help;help' {
            break
        }
        'defendable;incidents' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Incidents, newest first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Incidents, newest first')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Mint (or fetch) the receipt of the incident''s current state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;incidents;ls' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only incidents of this agent profile (its id or a unique prefix of it)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The result')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;incidents;list' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only incidents of this agent profile (its id or a unique prefix of it)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The result')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many at most on one page (a server caps it at its largest page)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start after the page that printed this cursor')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page to the end of the list (rows are printed as the pages arrive)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;incidents;open' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'What happened, in one line')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'The kind of incident')
            [CompletionResult]::new('--tier', '--tier', [CompletionResultType]::ParameterName, 'How severe it is')
            [CompletionResult]::new('--detail', '--detail', [CompletionResultType]::ParameterName, 'What happened, in full')
            [CompletionResult]::new('--lane', '--lane', [CompletionResultType]::ParameterName, 'The lane involved')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent profile involved (its id or a unique prefix of it)')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'The run involved (its id or a unique prefix of it)')
            [CompletionResult]::new('--response', '--response', [CompletionResultType]::ParameterName, 'A response step (repeatable)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;incidents;resolve' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--reopen', '--reopen', [CompletionResultType]::ParameterName, 'Reopen instead of resolving')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;incidents;receipt' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;incidents;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Incidents, newest first')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Mint (or fetch) the receipt of the incident''s current state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;incidents;help;ls' {
            break
        }
        'defendable;incidents;help;open' {
            break
        }
        'defendable;incidents;help;resolve' {
            break
        }
        'defendable;incidents;help;receipt' {
            break
        }
        'defendable;incidents;help;help' {
            break
        }
        'defendable;stack' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'The planner''s task classes, model tiers and compute tiers')
            [CompletionResult]::new('assess', 'assess', [CompletionResultType]::ParameterValue, 'Which model and compute your jobs need (asks on a terminal when no --job is given)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;stack;options' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;stack;assess' {
            [CompletionResult]::new('--job', '--job', [CompletionResultType]::ParameterName, 'A task-class key (repeatable; see `stack options`)')
            [CompletionResult]::new('--preference', '--preference', [CompletionResultType]::ParameterName, 'Where you would rather run it')
            [CompletionResult]::new('--budget', '--budget', [CompletionResultType]::ParameterName, 'The budget band')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--client-facing', '--client-facing', [CompletionResultType]::ParameterName, 'The output goes to clients')
            [CompletionResult]::new('--high-stakes', '--high-stakes', [CompletionResultType]::ParameterName, 'The stakes are high (money, legal, safety)')
            [CompletionResult]::new('--always-on', '--always-on', [CompletionResultType]::ParameterName, 'The agents must run around the clock')
            [CompletionResult]::new('--data-local-only', '--data-local-only', [CompletionResultType]::ParameterName, 'Data may not leave your own hardware')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;stack;help' {
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'The planner''s task classes, model tiers and compute tiers')
            [CompletionResult]::new('assess', 'assess', [CompletionResultType]::ParameterValue, 'Which model and compute your jobs need (asks on a terminal when no --job is given)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;stack;help;options' {
            break
        }
        'defendable;stack;help;assess' {
            break
        }
        'defendable;stack;help;help' {
            break
        }
        'defendable;config' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting (api, color, timeout)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (api is per profile; color and timeout apply to all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every setting with its value and where it comes from')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting with its value and where it comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;config;get' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;config;set' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;config;ls' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;config;list' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting (api, color, timeout)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (api is per profile; color and timeout apply to all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every setting with its value and where it comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;config;help;get' {
            break
        }
        'defendable;config;help;set' {
            break
        }
        'defendable;config;help;ls' {
            break
        }
        'defendable;config;help;help' {
            break
        }
        'defendable;api' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A body field KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON). With GET and DELETE the fields become query parameters')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A body field KEY=VALUE (repeatable; VALUE is JSON when it parses as JSON). With GET and DELETE the fields become query parameters')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Send this file as the request body (`-` for stdin)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'An extra request header KEY:VALUE (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'An extra request header KEY:VALUE (repeatable)')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;completion' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'The server''s base URL. Else DEFENDABLE_API, the profile''s server, or http://127.0.0.1:8080')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The named profile whose server and token are used. Else DEFENDABLE_PROFILE, or "default"')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (implies --json)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for the server to answer (else DEFENDABLE_TIMEOUT, the config''s `timeout`, or 30)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of tables (errors go to stderr as JSON too)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'defendable;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Sign in, check who you are, sign out')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'The server you talk to: service info and health')
            [CompletionResult]::new('org', 'org', [CompletionResultType]::ParameterValue, 'Your organisation')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'API keys for CI and agents (owner)')
            [CompletionResult]::new('members', 'members', [CompletionResultType]::ParameterValue, 'People in your organisation and their roles')
            [CompletionResult]::new('invites', 'invites', [CompletionResultType]::ParameterValue, 'Invite people to your organisation (owner)')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'Projects group runs')
            [CompletionResult]::new('flight-sheets', 'flight-sheets', [CompletionResultType]::ParameterValue, 'The rulebooks runs are audited against')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'Defendable Runs and what they hold')
            [CompletionResult]::new('evidence', 'evidence', [CompletionResultType]::ParameterValue, 'Evidence attached to a run')
            [CompletionResult]::new('submission', 'submission', [CompletionResultType]::ParameterValue, 'The agent''s output for a run')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Audits: apply the flight sheet, grade checklist rules, finalise the verdict')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The core check engine, for runs without a flight sheet')
            [CompletionResult]::new('approval', 'approval', [CompletionResultType]::ParameterValue, 'The human decision on a verdict')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Mint, show and download receipts')
            [CompletionResult]::new('receipts', 'receipts', [CompletionResultType]::ParameterValue, 'Your organisation''s receipts across every kind (members only)')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'Your organisation''s receipt chain')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The public log of a shared receipt''s chain: checkpoint and consistency, no account')
            [CompletionResult]::new('cooks', 'cooks', [CompletionResultType]::ParameterValue, 'Cooks: preparation jobs tuned against a run''s eval')
            [CompletionResult]::new('runner', 'runner', [CompletionResultType]::ParameterValue, 'Runners: do queued cooks (runner token), and manage runner tokens (operator)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a receipt yourself: by link, share token, proof file, receipt JSON or PDF')
            [CompletionResult]::new('datasets', 'datasets', [CompletionResultType]::ParameterValue, 'The dataset catalog (members only)')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The model catalog and model pins (members only)')
            [CompletionResult]::new('membership', 'membership', [CompletionResultType]::ParameterValue, 'Your organisation''s membership: apply, see where it stands, pay')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Administrators: review and approve membership applications')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The service''s published policies')
            [CompletionResult]::new('agents', 'agents', [CompletionResultType]::ParameterValue, 'Agent profiles, their capability by lane, and the watchdog')
            [CompletionResult]::new('incidents', 'incidents', [CompletionResultType]::ParameterValue, 'Incidents: open, list, resolve, and prove them with receipts')
            [CompletionResult]::new('stack', 'stack', [CompletionResultType]::ParameterValue, 'Plan the model and compute your agents'' jobs need')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change this CLI''s defaults (server, colour, timeout)')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Send a raw request to the API and print the JSON answer (like `gh api`); the stored token goes only to its own server')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'defendable;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Ask for a magic sign-in link (prompts for the email on a terminal)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exchange a magic-link token for a session and store it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who you are, which server, and where the token is stored')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept an invite (the token or the whole invite link) and sign in')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out: the session is revoked on the server and forgotten here')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token this CLI sends to this server (for scripts and other tools)')
            break
        }
        'defendable;help;auth;login' {
            break
        }
        'defendable;help;auth;verify' {
            break
        }
        'defendable;help;auth;status' {
            break
        }
        'defendable;help;auth;accept-invite' {
            break
        }
        'defendable;help;auth;logout' {
            break
        }
        'defendable;help;auth;token' {
            break
        }
        'defendable;help;server' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'The service''s name, version and API version')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Database and storage health')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'The server''s signing keys (current and retired)')
            break
        }
        'defendable;help;server;info' {
            break
        }
        'defendable;help;server;health' {
            break
        }
        'defendable;help;server;keys' {
            break
        }
        'defendable;help;org' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Your organisation and its counts')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Receipt counts')
            [CompletionResult]::new('settings', 'settings', [CompletionResultType]::ParameterValue, 'Show the settings, or change them (owner)')
            break
        }
        'defendable;help;org;show' {
            break
        }
        'defendable;help;org;usage' {
            break
        }
        'defendable;help;org;settings' {
            break
        }
        'defendable;help;keys' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Mint a key; its secret is printed once')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List keys (never their secrets)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key; it fails from the next request on')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Trust a server''s receipt-signing keys: from a server URL (pinned for that server; shown and confirmed on a terminal), a saved keys document, or a file holding verifier keys')
            break
        }
        'defendable;help;keys;create' {
            break
        }
        'defendable;help;keys;ls' {
            break
        }
        'defendable;help;keys;revoke' {
            break
        }
        'defendable;help;keys;trust' {
            break
        }
        'defendable;help;members' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List members')
            [CompletionResult]::new('set-role', 'set-role', [CompletionResultType]::ParameterValue, 'Change a member''s role (owner)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a member; their sessions stop working (owner)')
            break
        }
        'defendable;help;members;ls' {
            break
        }
        'defendable;help;members;set-role' {
            break
        }
        'defendable;help;members;rm' {
            break
        }
        'defendable;help;invites' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Invite someone; prints the invite link (valid 7 days)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List invites')
            break
        }
        'defendable;help;invites;create' {
            break
        }
        'defendable;help;invites;ls' {
            break
        }
        'defendable;help;projects' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List projects')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a project: `projects create NAME` or `projects create --name NAME`')
            break
        }
        'defendable;help;projects;ls' {
            break
        }
        'defendable;help;projects;create' {
            break
        }
        'defendable;help;flight-sheets' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the active flight sheets')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one flight sheet with its rules')
            break
        }
        'defendable;help;flight-sheets;ls' {
            break
        }
        'defendable;help;flight-sheets;show' {
            break
        }
        'defendable;help;runs' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Start a run, against a flight sheet or (without one) a lane template')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List runs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Everything about one run')
            [CompletionResult]::new('submission', 'submission', [CompletionResultType]::ParameterValue, 'The run''s current submission')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'The run''s applied rules')
            [CompletionResult]::new('flags', 'flags', [CompletionResultType]::ParameterValue, 'The run''s flagged rules')
            [CompletionResult]::new('verdict', 'verdict', [CompletionResultType]::ParameterValue, 'The run''s current verdict')
            break
        }
        'defendable;help;runs;new' {
            break
        }
        'defendable;help;runs;ls' {
            break
        }
        'defendable;help;runs;show' {
            break
        }
        'defendable;help;runs;submission' {
            break
        }
        'defendable;help;runs;checks' {
            break
        }
        'defendable;help;runs;flags' {
            break
        }
        'defendable;help;runs;verdict' {
            break
        }
        'defendable;help;evidence' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a run''s evidence, whole, one page at a time')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Attach a text or URL evidence item')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload a file (streamed, with its sha256 checked against the server''s)')
            break
        }
        'defendable;help;evidence;ls' {
            break
        }
        'defendable;help;evidence;add' {
            break
        }
        'defendable;help;evidence;upload' {
            break
        }
        'defendable;help;submission' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Post the agent''s output: --output-file F, --output-text T, or `-` for stdin')
            break
        }
        'defendable;help;submission;add' {
            break
        }
        'defendable;help;audit' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply the run''s flight sheet. With --fail-on, exit 3 as soon as the rules applied decide an outcome at least that bad, and exit 5 while checklist rules are still open (unless --allow-pending)')
            [CompletionResult]::new('grade', 'grade', [CompletionResultType]::ParameterValue, 'Apply a checklist rule: satisfied (pass) or flagged')
            [CompletionResult]::new('finalize', 'finalize', [CompletionResultType]::ParameterValue, 'Roll the applied rules up into the verdict. With --fail-on, exit 3 when the verdict reaches it')
            break
        }
        'defendable;help;audit;run' {
            break
        }
        'defendable;help;audit;grade' {
            break
        }
        'defendable;help;audit;finalize' {
            break
        }
        'defendable;help;checks' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the core check engine (lane templates) on a run without a flight sheet')
            break
        }
        'defendable;help;checks;run' {
            break
        }
        'defendable;help;approval' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record the human decision (asks for confirmation on a terminal unless --yes)')
            break
        }
        'defendable;help;approval;set' {
            break
        }
        'defendable;help;receipt' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Mint the run''s receipt into the organisation''s chain')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save a receipt''s self-contained proof file (receipt, signature, inclusion proof, signed checkpoint); `defendable verify FILE --offline` checks it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The public receipt of a run (by run id) or share token')
            [CompletionResult]::new('pdf', 'pdf', [CompletionResultType]::ParameterValue, 'Download the one-page PDF of a receipt')
            break
        }
        'defendable;help;receipt;generate' {
            break
        }
        'defendable;help;receipt;export' {
            break
        }
        'defendable;help;receipt;show' {
            break
        }
        'defendable;help;receipt;pdf' {
            break
        }
        'defendable;help;receipts' {
            [CompletionResult]::new('recent', 'recent', [CompletionResultType]::ParameterValue, 'The newest receipts with a one-line summary each')
            break
        }
        'defendable;help;receipts;recent' {
            break
        }
        'defendable;help;ledger' {
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of your organisation''s chain')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'An inclusion proof of one receipt (checked here against the signed checkpoint)')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of the chain (checked here)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the chain, oldest first (the cursor is the next position)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify the chain here, from the exact stored payloads')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Save the whole chain with its canonical payloads')
            break
        }
        'defendable;help;ledger;checkpoint' {
            break
        }
        'defendable;help;ledger;prove' {
            break
        }
        'defendable;help;ledger;consistency' {
            break
        }
        'defendable;help;ledger;ls' {
            break
        }
        'defendable;help;ledger;verify' {
            break
        }
        'defendable;help;ledger;export' {
            break
        }
        'defendable;help;log' {
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'The signed checkpoint of the chain a shared receipt belongs to')
            [CompletionResult]::new('consistency', 'consistency', [CompletionResultType]::ParameterValue, 'A consistency proof between two sizes of that chain')
            break
        }
        'defendable;help;log;checkpoint' {
            break
        }
        'defendable;help;log;consistency' {
            break
        }
        'defendable;help;cooks' {
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Queue a cook against the run''s current verdict')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List your organisation''s cooks, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One cook, with its receipt once it succeeded')
            break
        }
        'defendable;help;cooks;request' {
            break
        }
        'defendable;help;cooks;ls' {
            break
        }
        'defendable;help;cooks;show' {
            break
        }
        'defendable;help;runner' {
            [CompletionResult]::new('work', 'work', [CompletionResultType]::ParameterValue, 'Work the cook queue: claim a job, run it through --exec, report progress, complete or fail it; back off when idle; Ctrl-C gives an unfinished job back')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Issue a per-runner token; it is printed once (operator)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the per-runner tokens (operator)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a per-runner token (operator)')
            break
        }
        'defendable;help;runner;work' {
            break
        }
        'defendable;help;runner;issue' {
            break
        }
        'defendable;help;runner;ls' {
            break
        }
        'defendable;help;runner;revoke' {
            break
        }
        'defendable;help;verify' {
            break
        }
        'defendable;help;datasets' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'The packages with what your organisation may download (plan, staged)')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The whole catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One package')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a package: mints a grant receipt, streams the file with a progress bar, and checks its SHA-256 against the receipt')
            [CompletionResult]::new('staging', 'staging', [CompletionResultType]::ParameterValue, 'Files that unexpired grants are waiting for (operator)')
            [CompletionResult]::new('stage-complete', 'stage-complete', [CompletionResultType]::ParameterValue, 'Tell the server a package file is staged; waiting grantees are mailed (operator)')
            [CompletionResult]::new('samples', 'samples', [CompletionResultType]::ParameterValue, 'The first rows of a package file')
            break
        }
        'defendable;help;datasets;ls' {
            break
        }
        'defendable;help;datasets;catalog' {
            break
        }
        'defendable;help;datasets;show' {
            break
        }
        'defendable;help;datasets;download' {
            break
        }
        'defendable;help;datasets;staging' {
            break
        }
        'defendable;help;datasets;stage-complete' {
            break
        }
        'defendable;help;datasets;samples' {
            break
        }
        'defendable;help;models' {
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'The model catalog; its hashes are recomputed and compared')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One model card')
            [CompletionResult]::new('pin', 'pin', [CompletionResultType]::ParameterValue, 'Pin a model into a receipt on your organisation''s chain')
            break
        }
        'defendable;help;models;catalog' {
            break
        }
        'defendable;help;models;show' {
            break
        }
        'defendable;help;models;pin' {
            break
        }
        'defendable;help;membership' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where the membership stands: status, seat, renewal date, waitlist position')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply for membership (owner); prompts for the company name on a terminal')
            [CompletionResult]::new('checkout', 'checkout', [CompletionResultType]::ParameterValue, 'Pay for an approved membership (or renew a lapsed one) with Stripe Checkout (owner): prints the payment link and, on a terminal, offers to open it')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an organisation''s application as the operator (X-Internal-Key)')
            break
        }
        'defendable;help;membership;status' {
            break
        }
        'defendable;help;membership;apply' {
            break
        }
        'defendable;help;membership;checkout' {
            break
        }
        'defendable;help;membership;approve' {
            break
        }
        'defendable;help;admin' {
            [CompletionResult]::new('applications', 'applications', [CompletionResultType]::ParameterValue, 'Membership applications awaiting review')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Whether you pass the administrator gate')
            [CompletionResult]::new('stripe-event', 'stripe-event', [CompletionResultType]::ParameterValue, 'Send a Stripe event (a JSON file) to the server''s webhook, signed with the webhook secret as Stripe signs it: for checking an installation end to end')
            break
        }
        'defendable;help;admin;applications' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Pending and waitlisted applications, oldest first')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve an application (waitlisted instead when the service is full)')
            break
        }
        'defendable;help;admin;applications;ls' {
            break
        }
        'defendable;help;admin;applications;approve' {
            break
        }
        'defendable;help;admin;health' {
            break
        }
        'defendable;help;admin;stripe-event' {
            break
        }
        'defendable;help;policy' {
            [CompletionResult]::new('training-data', 'training-data', [CompletionResultType]::ParameterValue, 'The training-data policy; its hash is recomputed here and compared')
            break
        }
        'defendable;help;policy;training-data' {
            break
        }
        'defendable;help;agents' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Active agent profiles with their capability summary, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One profile with its capability by lane')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Declare an agent profile')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Open an incident for every blocked lane and lock those lanes')
            break
        }
        'defendable;help;agents;ls' {
            break
        }
        'defendable;help;agents;show' {
            break
        }
        'defendable;help;agents;create' {
            break
        }
        'defendable;help;agents;watchdog' {
            break
        }
        'defendable;help;incidents' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Incidents, newest first')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an incident')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Resolve an incident (or reopen it); resolving a watchdog incident unlocks its lane')
            [CompletionResult]::new('receipt', 'receipt', [CompletionResultType]::ParameterValue, 'Mint (or fetch) the receipt of the incident''s current state')
            break
        }
        'defendable;help;incidents;ls' {
            break
        }
        'defendable;help;incidents;open' {
            break
        }
        'defendable;help;incidents;resolve' {
            break
        }
        'defendable;help;incidents;receipt' {
            break
        }
        'defendable;help;stack' {
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'The planner''s task classes, model tiers and compute tiers')
            [CompletionResult]::new('assess', 'assess', [CompletionResultType]::ParameterValue, 'Which model and compute your jobs need (asks on a terminal when no --job is given)')
            break
        }
        'defendable;help;stack;options' {
            break
        }
        'defendable;help;stack;assess' {
            break
        }
        'defendable;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one setting (api, color, timeout)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one setting (api is per profile; color and timeout apply to all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every setting with its value and where it comes from')
            break
        }
        'defendable;help;config;get' {
            break
        }
        'defendable;help;config;set' {
            break
        }
        'defendable;help;config;ls' {
            break
        }
        'defendable;help;api' {
            break
        }
        'defendable;help;completion' {
            break
        }
        'defendable;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
