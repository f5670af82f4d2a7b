#!/usr/bin/env cts
# Tutorial step 5: who enrolled, who completed, who was absent or withdrew.
include "04-rules.cts"

# 2008: the rotation class, 160 hours each.
enroll c01,c02,c06 in k0
complete c01,c02,c06 in k0

# The spring off-job class. Peng Yu withdraws; he takes other courses instead.
enroll c01,c03,c06 in k1
withdraw c06 in k1
complete c01,c03 in k1

# Everyone active in Changsha and below goes to Public Finance Basics.
enroll (cadres where unit under cs and status = active) in k2
complete c03,c06,c08 in k2
complete c05 in k2 hours=60 date=2009-05-20
absent c04 in k2
withdraw c07 in k2

enroll c04,c08,c09 in k3
complete c04,c08,c09 in k3

enroll c02,c04,c05,c09 in k4
complete c02,c04,c05,c09 in k4

enroll c05,c06 in k5
complete c05,c06 in k5

enroll c01,c02 in k6
complete c01,c02 in k6
