-- wrk script for scripts/bench-http.sh: POST the file named by BODY_FILE with Content-Type BODY_TYPE.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
local body = f:read("*all")
f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = os.getenv("BODY_TYPE") or "image/png"
