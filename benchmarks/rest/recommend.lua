-- POST /v1/recommendations for the embedded service's policy (simulation/tandem).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"policy":{"namespace":"simulation","name":"tandem"},' ..
           '"load":{"rate":40,"isl":3000,"osl":300,"islCv":0.5,"oslCv":0.5},' ..
           '"current":{"prefill":2,"decode":2}}'
