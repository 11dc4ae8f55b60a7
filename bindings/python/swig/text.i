/*
 * text.i: `const char *` arguments from Python (included by ../inami_python.i
 * before any declaration, so it covers every function and struct member).
 *
 * A C string ends at its first NUL byte, so a Python str such as
 * "physiotherapist\0x" would silently reach the library as "physiotherapist".
 * Such a string is refused with inami.InvalidArgumentError instead, naming the
 * function and the argument. None stays NULL.
 */

%{
/* Raise InvalidArgumentError for a string argument holding a NUL byte. */
static void inami_py_raise_nul(const char *function, const char *argument, size_t offset)
{
	char msg[256];
	snprintf(msg, sizeof(msg), "%s: argument '%s' contains a NUL character at offset %zu",
		function, argument, offset);
	inami_py_raise_message(INAMI_EINVAL, msg);
}
%}

%typemap(in, noblock=1) const char * (int res = 0, char *buf = 0, size_t size = 0, int alloc = 0) {
	res = SWIG_AsCharPtrAndSize($input, &buf, &size, &alloc);
	if (!SWIG_IsOK(res)) {
		%argument_fail(res, "$type", $symname, $argnum);
	}
	if (buf != NULL && size > 0 && strlen(buf) != size - 1) {
		inami_py_raise_nul("$symname", "$1_name", strlen(buf));
		SWIG_fail;
	}
	$1 = ($1_ltype)buf;
}

%typemap(freearg, noblock=1) const char * {
	if (alloc$argnum == SWIG_NEWOBJ)
		free((char *)buf$argnum);
}
