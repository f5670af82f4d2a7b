#!/usr/bin/env cts
# Tutorial step 1: the units of a province, as a tree.
# The Organization Department of Hunan sets up cadre training for 2009.

unit add hn "Hunan Province" kind=locality level=province
unit add hn.org "Organization Department of Hunan" kind=organization level=province parent=hn
unit add hn.ps "Hunan Provincial Party School" kind=institution level=province parent=hn
unit add hn.fin "Hunan Department of Finance" kind=department level=province parent=hn

unit add cs "Changsha" kind=locality level=city parent=hn
unit add cs.ps "Changsha Municipal Party School" kind=institution level=city parent=cs
unit add cs.edu "Changsha Education Bureau" kind=department level=city parent=cs
unit add cs.tr "Changsha Transport Bureau" kind=department level=city parent=cs

unit add ly "Liuyang" kind=locality level=county parent=cs
unit add ly.agr "Liuyang Agriculture Bureau" kind=department level=county parent=ly
