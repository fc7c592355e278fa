# Shared compile settings for our own targets: warnings (kept at zero in our code) and defines.
# Third-party headers (ITK, VTK, Qt) come in as SYSTEM includes so their warnings do not count.
function(neuroonco_configure_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow=local -Wnon-virtual-dtor)
  if(NEUROONCO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS QT_NO_CAST_FROM_BYTEARRAY
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()
