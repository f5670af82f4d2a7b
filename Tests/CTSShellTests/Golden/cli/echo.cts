# args: --echo
# --echo prints each command behind the prompt 'cts> ', continuation lines behind '...> '.
# Comments and blank lines are not echoed.
unit add js "Jiangsu Province" kind=locality level=province

cadre add c1 "Li Wei" unit=js \
    rank=county category=leading   # a trailing comment
cadre add c2 "Wang Fang" unit=js rank=staff category=civil-servant
list cadres where (rank >= county
                   or category = civil-servant) columns id, name
echo done
