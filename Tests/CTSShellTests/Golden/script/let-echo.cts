# let defines, $name uses; echo keeps words as written, one space between them.
let y = 2009
let who = "Li Wei"
let n = 3 * 2.5
let d = 2010-12-01
let p = 2008..2012
echo Compliance   in $y:   "two  spaces inside a string"  kept, $who!
echo $n $d $p
echo
echo "tab\there" "quote \" backslash \\ unicode \u{4E2D}\u{6587}"
echo 50% done (really) x=1 a,b 张敏 Peña 🎓
let y = $y + 1
echo next year is $y
unit add js "Jiangsu Province" kind=locality level=province
let u = js
cadre add c1 $who unit=$u rank=county category=leading born=$y
list cadres columns id, name, unit, born
let h = count(cadres where unit = $u)
echo $h cadre(s) in $u
