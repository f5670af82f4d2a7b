help enroll
help unit
help report
help "cadre add"
