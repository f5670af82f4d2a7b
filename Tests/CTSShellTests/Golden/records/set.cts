# E set ID key=value ... changes fields; the confirmation names them.
include "_base.cts"
set verbose on
unit set nj.fin name="Nanjing Municipal Finance Bureau"
cadre set c2 rank=township born=1980
course set k2 capacity=40 days=10
course set k3 hours=4
list cadres where id = c2
list courses columns id, hours, capacity
unit show nj.fin
