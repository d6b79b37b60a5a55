-- wrk script: round-robin over request paths read from a file, one per line.
-- Usage: wrk -s paths.lua http://127.0.0.1:PORT -- PATHS_FILE
local paths = {}
local i = 0

function init(args)
  local file = args[1] or error("give the paths file after --")
  for line in io.lines(file) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. file)
  end
  -- Each thread starts somewhere else in the list.
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
  i = math.random(#paths) - 1
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
