/*
 * inami.i: the one SWIG interface of libinami, shared by Python and Java.
 * Common declarations live here; each language adds its typemaps, exception
 * mapping and idiomatic layer in python/inami_python.i and java/inami_java.i.
 */
%module(directors="0") inami_native

%{
#include <inami/inami.h>
%}

#if defined(SWIGPYTHON)
%include "python/inami_python.i"
#elif defined(SWIGJAVA)
%include "java/inami_java.i"
#endif
