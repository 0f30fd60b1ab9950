# safejob(1) and safejob-content(1) completion for bash    -*- shell-script -*-
#
# Installed as .../bash-completion/completions/safejob and .../safejob-content.
# The options come from the programs' own --help (bash-completion's
# _parse_help), so that they cannot fall behind the program; the values
# that are a closed list are completed here.

_safejob ()
{
    local cur prev words cword split
    _init_completion -s || return

    # The command (screen, offers, qr, stats...), if one was given.
    local command='' i
    for (( i = 1; i < cword; i++ )); do
        case ${words[i]} in
            screen | offers | qr | stats | install-content | office-db) command=${words[i]}; break ;;
        esac
    done

    case $prev in
        --theme | -t)
            COMPREPLY=($(compgen -W 'default contrast mono' -- "$cur")); return ;;
        --speech)
            COMPREPLY=($(compgen -W 'off on request' -- "$cur")); return ;;
        --bidi | -b)
            COMPREPLY=($(compgen -W 'program terminal' -- "$cur")); return ;;
        # Their value is optional, so it is only ever written after '='.
        --self-test)
            $split && { COMPREPLY=($(compgen -W 'json' -- "$cur")); return; } ;;
        --check-config)
            $split && { _filedir; return; } ;;
        --format | -f)
            case $command in
                qr) COMPREPLY=($(compgen -W 'svg pbm escpos text' -- "$cur")) ;;
                screen) COMPREPLY=($(compgen -W 'text json' -- "$cur")) ;;
            esac
            return ;;
        --lang | -l)
            # The languages the program knows: the first column of its table.
            COMPREPLY=($(compgen -W "$("$1" --languages 2>/dev/null | awk 'NR > 1 { print $1 }')" \
                -- "$cur"))
            return ;;
        --printer | -p)
            COMPREPLY=($(compgen -f -- "${cur:-/dev/usb/}")); return ;;
        --content-db | -c | --office-db | --config | --stats-db | --output | --key)
            _filedir; return ;;
        -o)
            # --output of qr; at the top, --office, which takes no value.
            [[ $command == qr ]] && { _filedir; return; } ;;
        --idle | -i | --input-guard | --nationality | -N | -n | --destination | -D | -d \
            | --from | --to | --grant)
            return ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '$(_parse_help "$1" "$command --help")' -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
    elif [[ -z $command ]]; then
        COMPREPLY=($(compgen -W 'screen offers qr stats install-content office-db' -- "$cur"))
    elif [[ $command == screen ]]; then
        _filedir    # the answers
    elif [[ $command == install-content ]]; then
        _filedir db    # the new content database
    fi
} &&
    complete -F _safejob safejob

_safejob_content ()
{
    local cur prev words cword split
    _init_completion -s || return

    case $prev in
        --output | -o | --pot | -p | --sign | -s)
            _filedir; return ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '$(_parse_help "$1")' -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
    else
        _filedir -d    # the content's directory
    fi
} &&
    complete -F _safejob_content safejob-content
