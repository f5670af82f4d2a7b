# as chart on a result without groups is refused before it runs, at the word chart;
# set format does not offer chart.
# args: --keep-going
# exit: 1
unit add js "Jiangsu Province" kind=locality level=province
list units as chart
count units as chart
set format chart
