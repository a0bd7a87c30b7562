# CMake package of jwtauth.h: find_package(jwtauth) defines the INTERFACE
# target jwtauth::jwtauth (the header's directory plus BearSSL's header and
# library). Define JWTAUTH_IMPLEMENTATION in one source file, as usual.
find_path(JWTAUTH_INCLUDE_DIR jwtauth.h
	PATHS "${CMAKE_CURRENT_LIST_DIR}/../../../include"
	      "${CMAKE_CURRENT_LIST_DIR}/../../../../include"
	NO_DEFAULT_PATH)
find_path(JWTAUTH_BEARSSL_INCLUDE_DIR bearssl.h)
find_library(JWTAUTH_BEARSSL_LIBRARY bearssl)
if(NOT JWTAUTH_INCLUDE_DIR)
	set(jwtauth_FOUND FALSE)
	set(jwtauth_NOT_FOUND_MESSAGE "jwtauth.h not found beside ${CMAKE_CURRENT_LIST_DIR}")
	return()
endif()
if(NOT JWTAUTH_BEARSSL_INCLUDE_DIR OR NOT JWTAUTH_BEARSSL_LIBRARY)
	set(jwtauth_FOUND FALSE)
	set(jwtauth_NOT_FOUND_MESSAGE
		"BearSSL not found (bearssl.h and libbearssl): apt-get install libbearssl-dev, or add its prefix to CMAKE_PREFIX_PATH")
	return()
endif()
if(NOT TARGET jwtauth::jwtauth)
	add_library(jwtauth::jwtauth INTERFACE IMPORTED)
	set_target_properties(jwtauth::jwtauth PROPERTIES
		INTERFACE_INCLUDE_DIRECTORIES "${JWTAUTH_INCLUDE_DIR};${JWTAUTH_BEARSSL_INCLUDE_DIR}"
		INTERFACE_LINK_LIBRARIES "${JWTAUTH_BEARSSL_LIBRARY}")
endif()
