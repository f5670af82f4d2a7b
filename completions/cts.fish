function __cts_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cts_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __cts_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cts_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __cts_parse_tokens -S
    set -l unparsed_tokens (__cts_tokens -pc)
    switch $unparsed_tokens[1]
    case 'cts'
        __cts_parse_subcommand -r 1 'c=+' 's=' 'i' 'echo' 'step' 'demo' 'keep-going' 'read-only' 'dry-run' 'no-rc' 'safe' 'q/quiet' 'v/verbose' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __cts_parse_subcommand -r 1 'version'
        end
    end
end

function __cts_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __cts_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __cts_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __cts_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__cts_tokens -p)
    if test -z "$(__cts_tokens -t)"
        set -l index (count (__cts_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'cts' -f
complete -c 'cts' -n '__cts_should_offer_completions_for_positional "cts" -ge 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'cts\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts"' -s 'c' -d 'Run a command, then exit (repeatable).' -rfka ''
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" s' -s 's' -d 'Work on a session file (created if missing).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'ctsdb\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" i' -s 'i' -d 'Run the scripts, then stay interactive.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" echo' -l 'echo' -d 'Print each command (with the prompt) before its output.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" step' -l 'step' -d 'Presenter mode: each command of the script appears typed at the prompt; Enter runs it.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" demo' -l 'demo' -d 'Start from the bundled demo province (\'help demo\'); with -s, copy it into a new session file.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" keep-going' -l 'keep-going' -d 'Report errors and go on (default: stop at the first).'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" read-only' -l 'read-only' -d 'Read the session file without locking or changing it.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" dry-run' -l 'dry-run' -d 'Run the scripts on the session file without writing; print what would change.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" no-rc' -l 'no-rc' -d 'Do not run the rc file ($XDG_CONFIG_HOME/cts/ctsrc) before the first prompt.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" safe' -l 'safe' -d 'Refuse commands that read or write files other than the session file (\'help safe\').'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" q quiet' -l 'quiet' -s 'q' -d 'Confirm changes only at the prompt: \'set verbose off\' first.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" v verbose' -l 'verbose' -s 'v' -d 'Confirm every change, in scripts too: \'set verbose on\' first.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" version' -l 'version' -d 'Show the version.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cts' -n '__cts_should_offer_completions_for_positional "cts" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'cts' -n '__cts_should_offer_completions_for_flags_or_options "cts help" version' -l 'version' -d 'Show the version.'
