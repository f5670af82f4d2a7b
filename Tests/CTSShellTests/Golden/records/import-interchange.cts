# stdin: import-semicolon.csv
# CSV as offices save it, and JSON (issue 12): GB18030 from Chinese Excel with empty rows and
# columns cts has no field for, `;` from standard input, UTF-16 (found by its byte order mark)
# with tabs, a JSON array of objects.
unit add js "Jiangsu" kind=locality level=province
unit add js.org "Organization Department" kind=organization level=province parent=js
import cadres from "import-gb18030.csv" encoding=gb18030 extra=ignore
import cadres from "-" delimiter=";"
import cadres from "import-utf16.txt" delimiter=tab
import cadres from "import-cadres.json"
list cadres
