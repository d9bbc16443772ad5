-- a GET as a staff member: bench/run sets BENCH_AUTH (the Authorization header value) in the environment
wrk.method = "GET"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
