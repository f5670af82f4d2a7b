# unit under UNIT (the unit itself or below it) and dotted paths through references.
include "_data.cts"
list cadres where unit under nj columns id, unit
list cadres where unit under js columns id, unit
list cadres where unit under nj.fin columns id, unit
list units where id under sz columns id, parent
list units where parent under js columns id, parent
list courses where provider under sz columns id, provider
list cadres where unit.level = city columns id, unit, unit.level
list cadres where unit.parent = nj columns id, unit.name
list cadres where unit.parent.parent = js columns id, unit.parent.name
list enrollments where course.kind = off-job columns cadre.name, course.title, cadre.unit.level
count enrollments where course.provider under sz by course.kind
