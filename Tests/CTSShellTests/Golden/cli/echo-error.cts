# args: --echo
# exit: 1
# --echo shows the failing command on stdout, then its error on stderr.
unit add js "Jiangsu Province" kind=locality level=province
cadre add c1 "Li Wei" unit=js.orgg rank=county category=leading
echo not reached
