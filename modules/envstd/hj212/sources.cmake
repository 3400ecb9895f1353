# Sources of the HJ 212 codec (relative to modules/envstd/hj212).
set(JH_ENVSTD_HJ212_SOURCES
  jhhj212crc.h jhhj212crc.cpp
  jhhj212error.h jhhj212error.cpp
  jhhj212options.h jhhj212options.cpp
  jhhj212packet.h jhhj212packet.cpp
  jhhj212parser.h jhhj212parser.cpp
  jhhj212builder.h jhhj212builder.cpp
  jhhj212framer.h jhhj212framer.cpp
  jhhj212codes.h jhhj212codes.cpp
  jhhj212reassembler.h jhhj212reassembler.cpp
  jhhj212duplicatedetector.h jhhj212duplicatedetector.cpp
  jhhj212replies.h jhhj212replies.cpp
)
