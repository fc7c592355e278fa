# Translations: one catalogue per language for all layers (core, widgets, app), compiled with
# lrelease and embedded under :/i18n. Refresh the .ts files after changing strings with
#   cmake --build build --target neuroonco_app_lupdate
function(neuroonco_add_translations target)
  set(ts_files
    ${PROJECT_SOURCE_DIR}/translations/neuroonco_en.ts
    ${PROJECT_SOURCE_DIR}/translations/neuroonco_zh_CN.ts)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h
    ${PROJECT_SOURCE_DIR}/widgets/*.cpp ${PROJECT_SOURCE_DIR}/widgets/*.h
    ${PROJECT_SOURCE_DIR}/app/studio/*.cpp ${PROJECT_SOURCE_DIR}/app/studio/*.h)
  qt_add_lupdate(${target} TS_FILES ${ts_files} SOURCES ${sources}
    OPTIONS -no-obsolete -locations none)
  qt_add_lrelease(${target} TS_FILES ${ts_files} QM_FILES_OUTPUT_VARIABLE qm_files)
  qt_add_resources(${target} "neuroonco_translations" PREFIX "/i18n" BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${qm_files})
endfunction()
