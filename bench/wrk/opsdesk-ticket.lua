-- POST /api/tickets as a customer would (anonymous, JSON body of docs/api.md)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type": "FAULT", "title": "Export misses rows", "description": "The nightly export to the data warehouse misses rows since Monday.", "system": "billing", "impact": "MEDIUM", "urgency": "LOW", "customer": {"name": "Li Wei", "email": "li.wei@example.com", "organization": "ACME", "locale": "zh-CN"}}'
