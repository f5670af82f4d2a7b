# exit: 1
# A rule's condition is kept as written, so $variables are refused in it.
let x = 1960
rule add r1 "Born after x" for=(born > $x) period=2009 hours=10
