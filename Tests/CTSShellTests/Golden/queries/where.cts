# where: comparisons, ordered enums, and/or/not, parentheses, in (...), contains.
include "_data.cts"
list cadres where rank >= county columns id, name, rank
list cadres where rank < county and status = active columns id, rank, status
list cadres where category = leading or not (born < 1980) columns id, category, born
list cadres where (rank = staff or rank = township) and unit != nj.fin columns id, rank, unit
list cadres where category in (technical, grassroots) columns id, category
list cadres where id in (c1, c3) columns id, name
list cadres where name contains "wang" columns id, name
list courses where title contains "Reform" or kind = ONLINE columns id, kind
list courses where end - start > 7 columns id, start, end, end - start
list enrollments where hours >= 45 and hours < 300 columns cadre, course, hours
list courses where year(start) = 2010 columns id, start
list cadres where born = 1966 columns id, born
