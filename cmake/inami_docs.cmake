# Documentation and shell integration: the C API reference (Doxygen, target doc-api), the
# rules as a static site (inami rules doc, target doc-rules), both under the target `doc`;
# the man pages (man/) and the bash completion (completion/). Install rules, the tests that
# keep them true to the code (label docs) and the check of the Debian symbols file (label
# package). Included at the end of the top CMakeLists.txt.

option(INAMI_DOCS "Build the API reference and the rules site with the default target, and install them" OFF)
set(INAMI_API_DOC_DIR "${CMAKE_INSTALL_DOCDIR}/api" CACHE STRING
  "Where the HTML API reference is installed (with INAMI_DOCS)")
set(INAMI_RULES_DOC_DIR "${CMAKE_INSTALL_DOCDIR}/rules" CACHE STRING
  "Where the rules site is installed (with INAMI_DOCS)")
set(INAMI_BASH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" CACHE STRING
  "Where the bash completion of inami is installed")

find_program(INAMI_DOXYGEN doxygen)
file(GLOB _inami_doc_headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/inami/*.h)
set(_inami_docs_all)
if(INAMI_DOCS)
  set(_inami_docs_all ALL)
  if(NOT INAMI_DOXYGEN)
    message(FATAL_ERROR "INAMI_DOCS needs doxygen (the Debian package doxygen)")
  endif()
endif()

# The API reference: ${PROJECT_BINARY_DIR}/doc/api/html.
if(INAMI_DOXYGEN)
  set(INAMI_DOXYGEN_OUT ${PROJECT_BINARY_DIR}/doc/api)
  configure_file(${PROJECT_SOURCE_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile @ONLY)
  add_custom_command(OUTPUT ${INAMI_DOXYGEN_OUT}/html/index.html
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${INAMI_DOXYGEN_OUT}/html
    COMMAND ${CMAKE_COMMAND} -E make_directory ${INAMI_DOXYGEN_OUT}
    COMMAND ${INAMI_DOXYGEN} ${PROJECT_BINARY_DIR}/Doxyfile
    DEPENDS ${_inami_doc_headers} ${PROJECT_BINARY_DIR}/include/inami/version.h
      ${PROJECT_SOURCE_DIR}/Doxyfile.in ${PROJECT_SOURCE_DIR}/docs/api.md
    COMMENT "API reference (Doxygen) in ${INAMI_DOXYGEN_OUT}/html"
    VERBATIM)
  add_custom_target(doc-api ${_inami_docs_all} DEPENDS ${INAMI_DOXYGEN_OUT}/html/index.html)
endif()

# The rules site: ${PROJECT_BINARY_DIR}/doc/rules, written by the built inami from the embedded rules.
file(GLOB _inami_rules_data CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/libinami/data/*.rules)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/doc/rules/index.html
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${PROJECT_BINARY_DIR}/doc/rules
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/doc
  COMMAND inami_cli rules doc --html ${PROJECT_BINARY_DIR}/doc/rules
  DEPENDS inami_cli ${_inami_rules_data}
  COMMENT "Rules site in ${PROJECT_BINARY_DIR}/doc/rules"
  VERBATIM)
add_custom_target(doc-rules ${_inami_docs_all} DEPENDS ${PROJECT_BINARY_DIR}/doc/rules/index.html)

add_custom_target(doc DEPENDS doc-rules)
if(TARGET doc-api)
  add_dependencies(doc doc-api)
endif()

if(INAMI_DOCS)
  install(DIRECTORY ${PROJECT_BINARY_DIR}/doc/api/html/ DESTINATION ${INAMI_API_DOC_DIR})
  install(DIRECTORY ${PROJECT_BINARY_DIR}/doc/rules/ DESTINATION ${INAMI_RULES_DOC_DIR})
endif()

# Man pages and completion.
install(FILES ${PROJECT_SOURCE_DIR}/man/inami.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
if(TARGET inami_broker_jar)
  install(FILES ${PROJECT_SOURCE_DIR}/man/inami-broker.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/completion/inami DESTINATION ${INAMI_BASH_COMPLETION_DIR})
if(TARGET inami_broker_jar)
  install(FILES ${PROJECT_SOURCE_DIR}/completion/inami-broker DESTINATION ${INAMI_BASH_COMPLETION_DIR})
endif()

if(BUILD_TESTING)
  set(_inami_docs_tests docs_man_options docs_completion docs_rules_site)
  set(_broker)
  if(TARGET inami_broker_jar)
    set(_broker ${PROJECT_BINARY_DIR}/examples/java/inami-broker)
  endif()
  add_test(NAME docs_man_options COMMAND sh ${PROJECT_SOURCE_DIR}/tests/docs/man_options.sh
    $<TARGET_FILE:inami_cli> ${PROJECT_SOURCE_DIR}/man ${_broker})
  add_test(NAME docs_completion COMMAND sh ${PROJECT_SOURCE_DIR}/tests/docs/completion.sh
    $<TARGET_FILE:inami_cli> ${PROJECT_SOURCE_DIR}/completion/inami)
  if(_broker)
    add_test(NAME docs_completion_broker COMMAND sh ${PROJECT_SOURCE_DIR}/tests/docs/completion_broker.sh
      ${_broker} ${PROJECT_SOURCE_DIR}/completion/inami-broker)
    list(APPEND _inami_docs_tests docs_completion_broker)
  endif()
  if(NOT Python3_EXECUTABLE)
    set(Python3_EXECUTABLE /usr/bin/python3)
  endif()
  add_test(NAME docs_rules_site COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/docs/rules_site.py
    $<TARGET_FILE:inami_cli> ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/tests/docs/rules-site)
  if(INAMI_DOXYGEN)
    # its own output directory, so the test does not race the doc-api target
    set(INAMI_DOXYGEN_OUT ${PROJECT_BINARY_DIR}/tests/docs/api)
    configure_file(${PROJECT_SOURCE_DIR}/Doxyfile.in ${PROJECT_BINARY_DIR}/tests/docs/Doxyfile @ONLY)
    add_test(NAME docs_api_reference COMMAND sh ${PROJECT_SOURCE_DIR}/tests/docs/api_reference.sh
      ${INAMI_DOXYGEN} ${PROJECT_BINARY_DIR}/tests/docs/Doxyfile ${INAMI_DOXYGEN_OUT})
    list(APPEND _inami_docs_tests docs_api_reference)
  else()
    message(STATUS "inami: doxygen not found: the docs_api_reference test is not added")
  endif()
  if(TARGET inami_python)
    add_test(NAME docs_pydoc COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tests/docs/pydoc_check.py)
    set_tests_properties(docs_pydoc PROPERTIES
      ENVIRONMENT "PYTHONPATH=${PROJECT_BINARY_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1")
    list(APPEND _inami_docs_tests docs_pydoc)
  endif()
  set_tests_properties(${_inami_docs_tests} PROPERTIES LABELS docs)
  # the Debian symbols file against the built library (a removed symbol is an ABI break)
  find_program(INAMI_NM nm)
  if(INAMI_NM)
    add_test(NAME package_symbols COMMAND sh ${PROJECT_SOURCE_DIR}/tests/package/symbols.sh
      $<TARGET_FILE:inami> ${PROJECT_SOURCE_DIR}/debian/libinami1.symbols)
    set_tests_properties(package_symbols PROPERTIES LABELS package)
  endif()
endif()
