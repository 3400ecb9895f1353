# Sources of envstd/standards (HJ 633, GB 3838, GB 3096, GB 3095), relative to this folder.
set(JH_ENVSTD_STANDARDS_SOURCES
  jhunits.h jhunits.cpp
  jhairpollutants.h jhairpollutants.cpp
  jhaqistandard.h jhaqistandard.cpp
  jhaqicalculator.h jhaqicalculator.cpp
  jhsurfacewaterstandard.h jhsurfacewaterstandard.cpp
  jhsurfacewaterassessor.h jhsurfacewaterassessor.cpp
  jhnoisestandard.h jhnoisestandard.cpp
  jhambientairstandard.h jhambientairstandard.cpp
)
