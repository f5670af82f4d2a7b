# Included from ../include.cts; its own includes are relative to this folder.
unit add js "Jiangsu Province" kind=locality level=province
unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=js
include "_cadres.cts"
echo units and cadres loaded from lib/
