-- wrk script: POST view beacons like browsers do, for random articles and readers.
-- ARTICLE_IDS (comma-separated) names the articles; each request gets its own user agent
-- so the per-day de-duplication does not collapse the load into a handful of views.
local ids = {}
for id in string.gmatch(os.getenv("ARTICLE_IDS") or "1", "[^,]+") do ids[#ids + 1] = id end
local counter = 0
local threads = 0

-- wrk gives every thread the same random sequence unless each is seeded differently.
setup = function(thread)
  threads = threads + 1
  thread:set("seed", threads * 7919)
end

init = function(args)
  math.randomseed(os.time() + (seed or 0))
end

request = function()
  counter = counter + 1
  local id = ids[math.random(#ids)]
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0."
      .. math.random(1, 1000000) .. "." .. counter .. " Safari/537.36",
  }
  return wrk.format("POST", "/beacon/view", headers, "p=" .. id .. "&l=en")
end
