-- the bare engine's equivalent: start the one-user-task process over REST, Basic auth as admin
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic YWRtaW46YWRtaW4="
wrk.body = '{"variables": {"title": {"value": "Export misses rows", "type": "String"}}}'
