-- 80% reads / 20% orders for `computecap serve` (see run.sh). Of every ten requests: two
-- orders (as in orders.lua), two first pages of trades, one page of one vintage's trades at a
-- moving cursor, one book depth, one market view with its 500-trade history, one order by id,
-- one page of an account's orders, one journal head.
dofile(os.getenv("WRK_DIR") .. "/orders.lua")
local token = os.getenv("TOKEN_A")
local m = 0

local function get(path)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

request = function()
  m = m + 1
  local k = m % 10
  if k < 2 then
    return order()
  elseif k < 4 then
    return get("/api/trades?limit=100")
  elseif k == 4 then
    return get("/api/trades?vintage=1&limit=100&after=" .. ((m * 7919) % 200000))
  elseif k == 5 then
    return get("/api/books/1?levels=10")
  elseif k == 6 then
    return get("/api/market/1")
  elseif k == 7 then
    return get("/api/orders/" .. (1 + (m * 104729) % 100000))
  elseif k == 8 then
    return get("/api/accounts/1/orders?limit=100")
  else
    return get("/api/journal/head")
  end
end
