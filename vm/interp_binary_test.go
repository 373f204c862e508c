package vm

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// binSrc exercises every bs_* instruction. Each function's comment is its Erlang twin; binErl
// below holds the twins, and TestBinaryErlReference checks binCases against them on erl.
const binSrc = `module bint
export build/2, parse/2, int/2, intl/2, get_int/2, get_ints/2, get_intl/2, get_intls/2
export flt/2, fltl/2, get_flt/2, get_fltl/2
export utf8/1, utf16/1, utf16l/1, utf32/1, utf32l/1
export get_utf8/1, get_utf16/1, get_utf16l/1, get_utf32/1, get_utf32l/1
export bin/2, binall/1, bits/1, get_bin/2, odd/3, get_odd/1, skip/2, unit8/1, tail8/1
export guard/1, http/1, big/3, sum_bytes/1, rest8/1, mstr/1, mbits/1, mlong/1

% build(X, Rest) -> <<1, 2:16/little, -1:8/signed, 3.5/float, "abc", X/binary, Rest/bits>>.
function build/2
    bs_create_bin none, x0, [1, 2:16/little, -1:8/signed, 3.5/float, <<"abc">>/binary,
                             x0/binary, x1/binary-unit:1]
    return

% parse(Bin, N) -> case Bin of
%     <<A, B:16/little, C:8/signed, F/float, "abc", X:N/binary, Rest/bits>> -> {A, B, C, F, X, Rest};
%     _ -> nomatch end.
function parse/2
    bs_start_match @no, x0, x2
    bs_get_integer @no, x2, 8, 1, [], x3
    bs_get_integer @no, x2, 16, 1, [little], x4
    bs_get_integer @no, x2, 8, 1, [signed], x5
    bs_get_float @no, x2, all, 1, [], x6
    bs_match_string @no, x2, <<"abc">>
    bs_get_binary @no, x2, x1, 8, [], x7
    bs_get_tail x2, x8
    put_tuple x0, [x3, x4, x5, x6, x7, x8]
    return
@no:
    move nomatch, x0
    return

% int(V, S) -> <<V:S>>.
function int/2
    bs_create_bin none, x0, [x0:x1]
    return

% intl(V, S) -> <<V:S/little>>.
function intl/2
    bs_create_bin none, x0, [x0:x1/little]
    return

% get_int(Bin, S) -> case Bin of <<X:S, R/bits>> -> {X, R}; _ -> nomatch end.
function get_int/2
    bs_start_match @no, x0, x2
    bs_get_integer @no, x2, x1, 1, [], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% get_ints(Bin, S): as get_int, X:S/signed.
function get_ints/2
    bs_start_match @no, x0, x2
    bs_get_integer @no, x2, x1, 1, [signed], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% get_intl(Bin, S): as get_int, X:S/little.
function get_intl/2
    bs_start_match @no, x0, x2
    bs_get_integer @no, x2, x1, 1, [little], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% get_intls(Bin, S): as get_int, X:S/little-signed.
function get_intls/2
    bs_start_match @no, x0, x2
    bs_get_integer @no, x2, x1, 1, [signed, little], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% flt(V, S) -> <<V:S/float>>.
function flt/2
    bs_create_bin none, x0, [x0:x1/float]
    return

% fltl(V, S) -> <<V:S/float-little>>.
function fltl/2
    bs_create_bin none, x0, [x0:x1/float-little]
    return

% get_flt(Bin, S) -> case Bin of <<X:S/float, R/bits>> -> {X, R}; _ -> nomatch end.
function get_flt/2
    bs_start_match @no, x0, x2
    bs_get_float @no, x2, x1, 1, [], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% get_fltl(Bin, S): as get_flt, X:S/float-little.
function get_fltl/2
    bs_start_match @no, x0, x2
    bs_get_float @no, x2, x1, 1, [little], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% utf8(C) -> <<C/utf8>>, and so on.
function utf8/1
    bs_create_bin none, x0, [x0/utf8]
    return
function utf16/1
    bs_create_bin none, x0, [x0/utf16]
    return
function utf16l/1
    bs_create_bin none, x0, [x0/utf16-little]
    return
function utf32/1
    bs_create_bin none, x0, [x0/utf32]
    return
function utf32l/1
    bs_create_bin none, x0, [x0/utf32-little]
    return

% get_utf8(Bin) -> case Bin of <<C/utf8, R/bits>> -> {C, R}; _ -> nomatch end, and so on.
function get_utf8/1
    bs_start_match @no, x0, x1
    bs_get_utf8 @no, x1, x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
@no:
    move nomatch, x0
    return
function get_utf16/1
    bs_start_match @no, x0, x1
    bs_get_utf16 @no, x1, [], x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
@no:
    move nomatch, x0
    return
function get_utf16l/1
    bs_start_match @no, x0, x1
    bs_get_utf16 @no, x1, [little], x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
@no:
    move nomatch, x0
    return
function get_utf32/1
    bs_start_match @no, x0, x1
    bs_get_utf32 @no, x1, [], x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
@no:
    move nomatch, x0
    return
function get_utf32l/1
    bs_start_match @no, x0, x1
    bs_get_utf32 @no, x1, [little], x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
@no:
    move nomatch, x0
    return

% bin(B, S) -> <<B:S/binary>>.
function bin/2
    bs_create_bin none, x0, [x0:x1/binary]
    return

% binall(B) -> <<B/binary>>.
function binall/1
    bs_create_bin none, x0, [x0/binary]
    return

% bits(B) -> <<B/bits>>.
function bits/1
    bs_create_bin none, x0, [x0/binary-unit:1]
    return

% get_bin(Bin, S) -> case Bin of <<X:S/binary, R/bits>> -> {X, R}; _ -> nomatch end.
function get_bin/2
    bs_start_match @no, x0, x2
    bs_get_binary @no, x2, x1, 8, [], x3
    bs_get_tail x2, x4
    put_tuple x0, [x3, x4]
    return
@no:
    move nomatch, x0
    return

% odd(A, B, C) -> <<A:3, B:5, C:7>>.
function odd/3
    bs_create_bin none, x0, [x0:3, x1:5, x2:7]
    return

% get_odd(Bin) -> case Bin of <<A:3, B:5/signed, C:7/little, R/bits>> -> {A, B, C, R}; _ -> nomatch end.
function get_odd/1
    bs_start_match @no, x0, x1
    bs_get_integer @no, x1, 3, 1, [], x2
    bs_get_integer @no, x1, 5, 1, [signed], x3
    bs_get_integer @no, x1, 7, 1, [little], x4
    bs_get_tail x1, x5
    put_tuple x0, [x2, x3, x4, x5]
    return
@no:
    move nomatch, x0
    return

% skip(Bin, S) -> case Bin of <<_:S, R/bits>> -> R; _ -> nomatch end.
function skip/2
    bs_start_match @no, x0, x2
    bs_skip_bits @no, x2, x1, 1
    bs_get_tail x2, x0
    return
@no:
    move nomatch, x0
    return

% unit8(Bin) -> case Bin of <<_:3, R/binary>> -> R; _ -> nomatch end.
function unit8/1
    bs_start_match @no, x0, x1
    bs_skip_bits @no, x1, 3, 1
    bs_test_unit @no, x1, 8
    bs_get_tail x1, x0
    return
@no:
    move nomatch, x0
    return

% tail8(Bin) -> case Bin of <<X:4/binary-unit:2>> -> X; _ -> nomatch end.
function tail8/1
    bs_start_match @no, x0, x1
    bs_get_binary @no, x1, 4, 2, [], x2
    bs_test_tail @no, x1, 0
    move x2, x0
    return
@no:
    move nomatch, x0
    return

% guard(X) when is_binary(<<X:8>>) -> ok; guard(_) -> fail.
function guard/1
    bs_create_bin @fail, x1, [x0:8]
    move ok, x0
    return
@fail:
    move fail, x0
    return

% http(<<"GET ", Rest/binary>>) -> {get, Path, Headers} with Rest = <<Path, " HTTP/1.1\r\n",
% Headers/binary>>, Path up to the first space; likewise POST; anything else: bad. The
% position is saved before the method and restored to try the next one, and saved at the start
% of the path to come back and take it whole once its length is known.
function http/1
    bs_start_match @bad, x0, x1
    bs_get_position x1, x2
    bs_match_string @post, x1, <<"GET ">>
    move get, x3
    jump @path
@post:
    bs_set_position x1, x2
    bs_match_string @bad, x1, <<"POST ">>
    move post, x3
@path:
    bs_get_position x1, x2
    move 0, x4
@scan:
    bs_get_integer @bad, x1, 8, 1, [], x5
    is_eq_exact @next, x5, 32
    bs_set_position x1, x2
    bs_get_binary @bad, x1, x4, 8, [], x6
    bs_match_string @bad, x1, <<" HTTP/1.1\r\n">>
    bs_get_tail x1, x7
    put_tuple x0, [x3, x6, x7]
    return
@next:
    bif2 none, erlang:'+'/2, x4, 1, x4
    jump @scan
@bad:
    move bad, x0
    return

% big(N, Off, Len) -> B = seq(N), {slice(B, Off, Len), sum_bytes(B)}: a binary built by
% appending one byte at a time (off-heap past 64 bytes), sliced and summed.
function big/3
    allocate 3
    move x1, y1
    move x2, y2
    call 1, seq/1
    move x0, y0
    move y1, x1
    move y2, x2
    call 3, slice/3
    move x0, y1
    move y0, x0
    call 1, sum_bytes/1
    put_tuple x0, [y1, x0]
    deallocate 3
    return

% seq(N) -> << <<(I band 255)>> || I <- lists:seq(0, N - 1) >>, by appending.
function seq/1
    move <<>>, x1
    move 0, x2
@loop:
    is_lt @done, x2, x0
    bs_create_bin none, x1, [x1/binary, x2:8]
    bif2 none, erlang:'+'/2, x2, 1, x2
    jump @loop
@done:
    move x1, x0
    return

% slice(Bin, Off, Len) -> <<_:Off/binary, S:Len/binary, _/binary>> = Bin, S.
function slice/3
    bs_start_match @bad, x0, x3
    bs_skip_bits @bad, x3, x1, 8
    bs_get_binary @bad, x3, x2, 8, [], x0
    bs_skip_bits @bad, x3, all, 8
    return
@bad:
    badmatch x0

% sum_bytes(Bin) -> the sum of its bytes. The match context lives in y0 across a call to id/1
% (a safe point: with a tiny heap it collects there) and each byte allocates a little garbage.
function sum_bytes/1
    allocate 2
    bs_start_match @bad, x0, y0
    move 0, y1
@loop:
    bs_get_integer @done, y0, 8, 1, [], x0
    put_list x0, [], x1
    put_tuple x0, [x0, x1]
    call 1, id/1
    is_tuple @bad, x0
    test_arity @bad, x0, 2
    get_tuple_element x0, 0, x0
    bif2 none, erlang:'+'/2, y1, x0, x0
    move x0, y1
    jump @loop
@done:
    bs_test_tail @bad, y0, 0
    move y1, x0
    deallocate 2
    return
@bad:
    move bad, x0
    deallocate 2
    return

function id/1
    return

% rest8(Bin) -> case Bin of <<_:3, R/binary>> -> R; _ -> nomatch end (bs_get_binary all).
function rest8/1
    bs_start_match @no, x0, x1
    bs_skip_bits @no, x1, 3, 1
    bs_get_binary @no, x1, all, 8, [], x0
    return
@no:
    move nomatch, x0
    return

% mstr(Bin) -> case Bin of <<_:3, "ab", R/bits>> -> R; _ -> nomatch end.
function mstr/1
    bs_start_match @no, x0, x1
    bs_skip_bits @no, x1, 3, 1
    bs_match_string @no, x1, <<"ab">>
    bs_get_tail x1, x0
    return
@no:
    move nomatch, x0
    return

% mbits(Bin) -> case Bin of <<_:1, 5:3, R/bits>> -> R; _ -> nomatch end.
function mbits/1
    bs_start_match @no, x0, x1
    bs_skip_bits @no, x1, 1, 1
    bs_match_string @no, x1, <<5:3>>
    bs_get_tail x1, x0
    return
@no:
    move nomatch, x0
    return

% mlong(Bin) -> case Bin of <<_:5, "0123456789abcdef", R/bits>> -> R; _ -> nomatch end.
function mlong/1
    bs_start_match @no, x0, x1
    bs_skip_bits @no, x1, 5, 1
    bs_match_string @no, x1, <<"0123456789abcdef">>
    bs_get_tail x1, x0
    return
@no:
    move nomatch, x0
    return
`

// binErl is the Erlang twin of binSrc, function for function.
const binErl = `-module(bint).
-compile([export_all, nowarn_export_all]).

build(X, Rest) -> <<1, 2:16/little, -1:8/signed, 3.5/float, "abc", X/binary, Rest/bits>>.
parse(Bin, N) ->
    case Bin of
        <<A, B:16/little, C:8/signed, F/float, "abc", X:N/binary, Rest/bits>> -> {A, B, C, F, X, Rest};
        _ -> nomatch
    end.
int(V, S) -> <<V:S>>.
intl(V, S) -> <<V:S/little>>.
get_int(Bin, S) -> case Bin of <<X:S, R/bits>> -> {X, R}; _ -> nomatch end.
get_ints(Bin, S) -> case Bin of <<X:S/signed, R/bits>> -> {X, R}; _ -> nomatch end.
get_intl(Bin, S) -> case Bin of <<X:S/little, R/bits>> -> {X, R}; _ -> nomatch end.
get_intls(Bin, S) -> case Bin of <<X:S/little-signed, R/bits>> -> {X, R}; _ -> nomatch end.
flt(V, S) -> <<V:S/float>>.
fltl(V, S) -> <<V:S/float-little>>.
get_flt(Bin, S) -> case Bin of <<X:S/float, R/bits>> -> {X, R}; _ -> nomatch end.
get_fltl(Bin, S) -> case Bin of <<X:S/float-little, R/bits>> -> {X, R}; _ -> nomatch end.
utf8(C) -> <<C/utf8>>.
utf16(C) -> <<C/utf16>>.
utf16l(C) -> <<C/utf16-little>>.
utf32(C) -> <<C/utf32>>.
utf32l(C) -> <<C/utf32-little>>.
get_utf8(B) -> case B of <<C/utf8, R/bits>> -> {C, R}; _ -> nomatch end.
get_utf16(B) -> case B of <<C/utf16, R/bits>> -> {C, R}; _ -> nomatch end.
get_utf16l(B) -> case B of <<C/utf16-little, R/bits>> -> {C, R}; _ -> nomatch end.
get_utf32(B) -> case B of <<C/utf32, R/bits>> -> {C, R}; _ -> nomatch end.
get_utf32l(B) -> case B of <<C/utf32-little, R/bits>> -> {C, R}; _ -> nomatch end.
bin(B, S) -> <<B:S/binary>>.
binall(B) -> <<B/binary>>.
bits(B) -> <<B/bits>>.
get_bin(B, S) -> case B of <<X:S/binary, R/bits>> -> {X, R}; _ -> nomatch end.
odd(A, B, C) -> <<A:3, B:5, C:7>>.
get_odd(Bin) -> case Bin of <<A:3, B:5/signed, C:7/little, R/bits>> -> {A, B, C, R}; _ -> nomatch end.
skip(Bin, S) -> case Bin of <<_:S, R/bits>> -> R; _ -> nomatch end.
unit8(Bin) -> case Bin of <<_:3, R/binary>> -> R; _ -> nomatch end.
tail8(Bin) -> case Bin of <<X:4/binary-unit:2>> -> X; _ -> nomatch end.
guard(X) when is_binary(<<X:8>>) -> ok;
guard(_) -> fail.
http(Bin) ->
    case Bin of
        <<"GET ", Rest/binary>> -> req(get, Rest, 0);
        <<"POST ", Rest/binary>> -> req(post, Rest, 0);
        _ -> bad
    end.
req(M, Bin, N) ->
    case Bin of
        <<Path:N/binary, " ", _/binary>> ->
            case Bin of
                <<_:N/binary, " HTTP/1.1\r\n", Rest/binary>> -> {M, Path, Rest};
                _ -> bad
            end;
        <<_:N/binary, _, _/binary>> -> req(M, Bin, N + 1);
        _ -> bad
    end.
big(N, Off, Len) -> B = seq(N), {slice(B, Off, Len), sum_bytes(B)}.
seq(N) -> << <<(I band 255)>> || I <- lists:seq(0, N - 1) >>.
slice(Bin, Off, Len) -> <<_:Off/binary, S:Len/binary, _/binary>> = Bin, S.
sum_bytes(B) when is_binary(B) -> lists:sum(binary_to_list(B));
sum_bytes(_) -> bad.
rest8(Bin) -> case Bin of <<_:3, R/binary>> -> R; _ -> nomatch end.
mstr(Bin) -> case Bin of <<_:3, "ab", R/bits>> -> R; _ -> nomatch end.
mbits(Bin) -> case Bin of <<_:1, 5:3, R/bits>> -> R; _ -> nomatch end.
mlong(Bin) -> case Bin of <<_:5, "0123456789abcdef", R/bits>> -> R; _ -> nomatch end.
`

// binRunErl runs every line "Fun [Args]" of cases.txt on binErl's module and prints each
// result with ~w ({error, Reason} for an error exception), one per line.
const binRunErl = `-module(run).
-export([main/0]).
main() ->
    {ok, F} = file:open("cases.txt", [read]),
    loop(F).
loop(F) ->
    case io:get_line(F, "") of
        eof -> ok;
        Line ->
            [Fun, ArgsS] = string:split(string:trim(Line), " "),
            {ok, Toks, _} = erl_scan:string(ArgsS ++ "."),
            {ok, Args} = erl_parse:parse_term(Toks),
            R = try apply(bint, list_to_atom(Fun), Args) catch error:E -> {error, E} end,
            io:format("~w~n", [R]),
            loop(F)
    end.
`

// binCases are calls of binSrc's functions with their expected results as erl prints them
// (~w), errors as {error, Reason}. The expectations were produced by erl 25 running binErl;
// TestBinaryErlReference checks them again.
var binCases = []struct{ fun, args, want string }{
	{"build", `[<<"xy">>, <<5:3>>]`, `<<1,2,0,255,64,12,0,0,0,0,0,0,97,98,99,120,121,5:3>>`},
	{"build", `[<<>>, <<>>]`, `<<1,2,0,255,64,12,0,0,0,0,0,0,97,98,99>>`},
	{"build", `[foo, <<>>]`, `{error,badarg}`},
	{"build", `[<<1:1>>, <<>>]`, `{error,badarg}`},
	{"parse", `[<<1,2,0,255,64,12,0,0,0,0,0,0,97,98,99,120,121,160:3>>, 2]`, `{1,2,-1,3.5,<<120,121>>,<<0:3>>}`},
	{"parse", `[<<1,2,0,255,64,12,0,0,0,0,0,0,97,98,99,120,121,160:3>>, 3]`, `nomatch`},
	{"parse", `[<<1,2,0,255,64,12,0,0,0,0,0,0,97,98,100,120,121>>, 2]`, `nomatch`},
	{"parse", `[<<1,2,0,255,127,248,0,0,0,0,0,0,97,98,99>>, 0]`, `nomatch`},
	{"parse", `[foo, 1]`, `nomatch`},
	{"int", `[1, 8]`, `<<1>>`},
	{"int", `[256, 8]`, `<<0>>`},
	{"int", `[-1, 12]`, `<<255,15:4>>`},
	{"int", `[291, 12]`, `<<18,3:4>>`},
	{"int", `[1267650600228229401496703205373, 100]`, `<<255,255,255,255,255,255,255,255,255,255,255,255,13:4>>`},
	{"int", `[-5, 100]`, `<<255,255,255,255,255,255,255,255,255,255,255,255,11:4>>`},
	{"int", `[12345678901234567890, 64]`, `<<171,84,169,140,235,31,10,210>>`},
	{"int", `[-12345678901234567890, 70]`, `<<253,82,173,89,204,83,131,212,46:6>>`},
	{"int", `[0, 0]`, `<<>>`},
	{"int", `[5, 3]`, `<<5:3>>`},
	{"int", `[foo, 8]`, `{error,badarg}`},
	{"int", `[1.5, 8]`, `{error,badarg}`},
	{"int", `[1, -1]`, `{error,badarg}`},
	{"int", `[1, foo]`, `{error,badarg}`},
	{"int", `[1, 1180591620717411303424]`, `{error,system_limit}`},
	{"intl", `[291, 12]`, `<<35,1:4>>`},
	{"intl", `[-1, 12]`, `<<255,15:4>>`},
	{"intl", `[-5, 100]`, `<<251,255,255,255,255,255,255,255,255,255,255,255,15:4>>`},
	{"intl", `[4759477275222530853130, 80]`, `<<10,9,8,7,6,5,4,3,2,1>>`},
	{"intl", `[1, 1]`, `<<1:1>>`},
	{"intl", `[258, 16]`, `<<2,1>>`},
	{"get_int", `[<<1,2,3>>, 16]`, `{258,<<3>>}`},
	{"get_int", `[<<1,2,3>>, 25]`, `nomatch`},
	{"get_int", `[<<255,255,255,255,255,255,255,255,255>>, 72]`, `{4722366482869645213695,<<>>}`},
	{"get_int", `[<<1,2>>, -1]`, `nomatch`},
	{"get_int", `[<<1,2>>, foo]`, `nomatch`},
	{"get_int", `[<<1,2>>, 1180591620717411303424]`, `nomatch`},
	{"get_int", `[<<1,2>>, 0]`, `{0,<<1,2>>}`},
	{"get_int", `[foo, 8]`, `nomatch`},
	{"get_int", `[<<128,0,0,0,0,0,0,0>>, 64]`, `{9223372036854775808,<<>>}`},
	{"get_int", `[<<8,0,0,0,0,0,0,0>>, 60]`, `{36028797018963968,<<0:4>>}`},
	{"get_int", `[<<171,205,239,1:5>>, 29]`, `{360300001,<<>>}`},
	{"get_int", `[<<171,205,239,1:5>>, 3]`, `{5,<<94,111,120,1:2>>}`},
	{"get_ints", `[<<255,254>>, 16]`, `{-2,<<>>}`},
	{"get_ints", `[<<128,0,0,0,0,0,0,0>>, 64]`, `{-9223372036854775808,<<>>}`},
	{"get_ints", `[<<255,15:4>>, 12]`, `{-1,<<>>}`},
	{"get_ints", `[<<128,0,0,0,0,0,0,0,0,0,0,0,0:4>>, 100]`, `{-633825300114114700748351602688,<<>>}`},
	{"get_ints", `[<<127,255>>, 16]`, `{32767,<<>>}`},
	{"get_ints", `[<<1:1>>, 1]`, `{-1,<<>>}`},
	{"get_intl", `[<<35,1:4>>, 12]`, `{291,<<>>}`},
	{"get_intl", `[<<1,2,3,4,5,6,7,8,9>>, 72]`, `{166599134359138271745,<<>>}`},
	{"get_intl", `[<<1,2>>, 16]`, `{513,<<>>}`},
	{"get_intl", `[<<1,2,3>>, 20]`, `{513,<<3:4>>}`},
	{"get_intls", `[<<255,15:4>>, 12]`, `{-1,<<>>}`},
	{"get_intls", `[<<251,255,255,255,255,255,255,255,255,255,255,255,15:4>>, 100]`, `{-5,<<>>}`},
	{"get_intls", `[<<0,128>>, 16]`, `{-32768,<<>>}`},
	{"flt", `[3.5, 64]`, `<<64,12,0,0,0,0,0,0>>`},
	{"flt", `[1.5, 32]`, `<<63,192,0,0>>`},
	{"flt", `[0.1, 16]`, `<<46,102>>`},
	{"flt", `[65520.0, 16]`, `<<124,0>>`},
	{"flt", `[65504.0, 16]`, `<<123,255>>`},
	{"flt", `[1.0e300, 32]`, `<<127,128,0,0>>`},
	{"flt", `[3.0e-8, 16]`, `<<0,1>>`},
	{"flt", `[1.0e-8, 16]`, `<<0,0>>`},
	{"flt", `[-0.0, 64]`, `<<128,0,0,0,0,0,0,0>>`},
	{"flt", `[7, 32]`, `<<64,224,0,0>>`},
	{"flt", `[1180591620717411303424, 64]`, `<<68,80,0,0,0,0,0,0>>`},
	{"flt", `[0.1, 32]`, `<<61,204,204,205>>`},
	{"flt", `[2.5, 16]`, `<<65,0>>`},
	{"flt", `[-2.0e-5, 16]`, `<<129,80>>`},
	{"flt", `[6.0e-5, 16]`, `<<3,239>>`},
	{"flt", `[foo, 64]`, `{error,badarg}`},
	{"flt", `[1.0, 24]`, `{error,badarg}`},
	{"flt", `[1.0, -64]`, `{error,badarg}`},
	{"flt", `[10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376, 64]`, `<<126,112,0,0,0,0,0,0>>`},
	{"flt", `[179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216, 64]`, `{error,badarg}`},
	{"fltl", `[3.5, 64]`, `<<0,0,0,0,0,0,12,64>>`},
	{"fltl", `[1.5, 32]`, `<<0,0,192,63>>`},
	{"fltl", `[1.5, 16]`, `<<0,62>>`},
	{"get_flt", `[<<64,12,0,0,0,0,0,0>>, 64]`, `{3.5,<<>>}`},
	{"get_flt", `[<<63,192,0,0>>, 32]`, `{1.5,<<>>}`},
	{"get_flt", `[<<62,0>>, 16]`, `{1.5,<<>>}`},
	{"get_flt", `[<<0,1>>, 16]`, `{5.960464477539063e-8,<<>>}`},
	{"get_flt", `[<<128,1,7:3>>, 16]`, `{-5.960464477539063e-8,<<7:3>>}`},
	{"get_flt", `[<<127,240,0,0,0,0,0,0>>, 64]`, `nomatch`},
	{"get_flt", `[<<124,0>>, 16]`, `nomatch`},
	{"get_flt", `[<<127,192,0,0>>, 32]`, `nomatch`},
	{"get_flt", `[<<255,128,0,0>>, 32]`, `nomatch`},
	{"get_flt", `[<<1,2,3>>, 24]`, `nomatch`},
	{"get_flt", `[<<1,2,3>>, 32]`, `nomatch`},
	{"get_flt", `[<<0,0,0,1>>, 32]`, `{1.401298464324817e-45,<<>>}`},
	{"get_fltl", `[<<0,0,0,0,0,0,12,64>>, 64]`, `{3.5,<<>>}`},
	{"get_fltl", `[<<0,62>>, 16]`, `{1.5,<<>>}`},
	{"utf8", `[65]`, `<<65>>`},
	{"utf8", `[233]`, `<<195,169>>`},
	{"utf8", `[8364]`, `<<226,130,172>>`},
	{"utf8", `[128512]`, `<<240,159,152,128>>`},
	{"utf8", `[1114111]`, `<<244,143,191,191>>`},
	{"utf8", `[2047]`, `<<223,191>>`},
	{"utf8", `[2048]`, `<<224,160,128>>`},
	{"utf8", `[65535]`, `<<239,191,191>>`},
	{"utf8", `[55296]`, `{error,badarg}`},
	{"utf8", `[1114112]`, `{error,badarg}`},
	{"utf8", `[-1]`, `{error,badarg}`},
	{"utf8", `[foo]`, `{error,badarg}`},
	{"utf8", `[1.0]`, `{error,badarg}`},
	{"utf16", `[65]`, `<<0,65>>`},
	{"utf16", `[128512]`, `<<216,61,222,0>>`},
	{"utf16", `[65535]`, `<<255,255>>`},
	{"utf16", `[57343]`, `{error,badarg}`},
	{"utf16l", `[128512]`, `<<61,216,0,222>>`},
	{"utf32", `[128512]`, `<<0,1,246,0>>`},
	{"utf32", `[55296]`, `{error,badarg}`},
	{"utf32l", `[65]`, `<<65,0,0,0>>`},
	{"get_utf8", `[<<226,130,172,5>>]`, `{8364,<<5>>}`},
	{"get_utf8", `[<<192,128>>]`, `nomatch`},
	{"get_utf8", `[<<237,160,128>>]`, `nomatch`},
	{"get_utf8", `[<<244,144,128,128>>]`, `nomatch`},
	{"get_utf8", `[<<226,130>>]`, `nomatch`},
	{"get_utf8", `[<<32,1:1>>]`, `{32,<<1:1>>}`},
	{"get_utf8", `[<<240,159,152,128>>]`, `{128512,<<>>}`},
	{"get_utf8", `[<<>>]`, `nomatch`},
	{"get_utf8", `[<<239,191,189>>]`, `{65533,<<>>}`},
	{"get_utf8", `[<<255>>]`, `nomatch`},
	{"get_utf8", `[<<65:7>>]`, `nomatch`},
	{"get_utf16", `[<<216,61,222,0>>]`, `{128512,<<>>}`},
	{"get_utf16", `[<<0,65,1:1>>]`, `{65,<<1:1>>}`},
	{"get_utf16", `[<<220,0>>]`, `nomatch`},
	{"get_utf16", `[<<216,61,0,65>>]`, `nomatch`},
	{"get_utf16", `[<<216,61>>]`, `nomatch`},
	{"get_utf16l", `[<<61,216,0,222>>]`, `{128512,<<>>}`},
	{"get_utf32", `[<<0,1,246,0>>]`, `{128512,<<>>}`},
	{"get_utf32", `[<<0,0,216,0>>]`, `nomatch`},
	{"get_utf32", `[<<0,17,0,0>>]`, `nomatch`},
	{"get_utf32l", `[<<0,246,1,0,7:3>>]`, `{128512,<<7:3>>}`},
	{"bin", `[<<1,2,3>>, 2]`, `<<1,2>>`},
	{"bin", `[<<1,2,3>>, 3]`, `<<1,2,3>>`},
	{"bin", `[<<1,2>>, 3]`, `{error,badarg}`},
	{"bin", `[<<1,2,3>>, -1]`, `{error,badarg}`},
	{"bin", `[foo, 1]`, `{error,badarg}`},
	{"bin", `[<<1,2,3:4>>, 2]`, `<<1,2>>`},
	{"binall", `[<<1,2,3>>]`, `<<1,2,3>>`},
	{"binall", `[<<1:3>>]`, `{error,badarg}`},
	{"binall", `[foo]`, `{error,badarg}`},
	{"bits", `[<<1:3>>]`, `<<1:3>>`},
	{"bits", `[<<1,2,3:4>>]`, `<<1,2,3:4>>`},
	{"bits", `[<<>>]`, `<<>>`},
	{"get_bin", `[<<1,2,3>>, 2]`, `{<<1,2>>,<<3>>}`},
	{"get_bin", `[<<1,2,3>>, 4]`, `nomatch`},
	{"get_bin", `[<<1,2,3>>, -1]`, `nomatch`},
	{"get_bin", `[<<1,2,3:4>>, 2]`, `{<<1,2>>,<<3:4>>}`},
	{"odd", `[5, 17, 100]`, `<<177,100:7>>`},
	{"odd", `[-1, -1, -1]`, `<<255,127:7>>`},
	{"odd", `[8, 32, 128]`, `<<0,0:7>>`},
	{"get_odd", `[<<191,200,1:7>>]`, `{5,-1,100,<<1>>}`},
	{"get_odd", `[<<191,200,1:6>>]`, `{5,-1,100,<<1:7>>}`},
	{"skip", `[<<1,2,3>>, 9]`, `<<4,3:7>>`},
	{"skip", `[<<1,2,3>>, 25]`, `nomatch`},
	{"skip", `[<<1,2,3>>, 24]`, `<<>>`},
	{"skip", `[<<1,2,3>>, -8]`, `nomatch`},
	{"unit8", `[<<1,2,3>>]`, `nomatch`},
	{"unit8", `[<<1,2,3:3>>]`, `<<8,19>>`},
	{"tail8", `[<<7>>]`, `<<7>>`},
	{"tail8", `[<<7,8>>]`, `nomatch`},
	{"tail8", `[<<7:7>>]`, `nomatch`},
	{"guard", `[1]`, `ok`},
	{"guard", `[foo]`, `fail`},
	{"http", `[<<"GET /index.html HTTP/1.1\r\nHost: x\r\n">>]`, `{get,<<47,105,110,100,101,120,46,104,116,109,108>>,<<72,111,115,116,58,32,120,13,10>>}`},
	{"http", `[<<"POST /api HTTP/1.1\r\n">>]`, `{post,<<47,97,112,105>>,<<>>}`},
	{"http", `[<<"PUT / HTTP/1.1\r\n">>]`, `bad`},
	{"http", `[<<"GET /nospace">>]`, `bad`},
	{"http", `[<<"GET /a HTTP/1.0\r\n">>]`, `bad`},
	{"http", `[<<"GET">>]`, `bad`},
	{"http", `[get]`, `bad`},
	{"big", `[1000, 500, 10]`, `{<<244,245,246,247,248,249,250,251,252,253>>,124716}`},
	{"big", `[1000, 990, 10]`, `{<<222,223,224,225,226,227,228,229,230,231>>,124716}`},
	{"big", `[1000, 0, 70]`, `{<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69>>,124716}`},
	{"big", `[100, 95, 10]`, `{error,{badmatch,<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99>>}}`},
	{"big", `[64, 60, 4]`, `{<<60,61,62,63>>,2016}`},
	{"sum_bytes", `[<<1,2,3,250>>]`, `256`},
	{"sum_bytes", `[<<1,2,3:4>>]`, `bad`},
	{"rest8", `[<<1,2,3>>]`, `nomatch`},
	{"rest8", `[<<1,2,3:3>>]`, `<<8,19>>`},
	{"mstr", `[<<0:3, "ab", 7:5>>]`, `<<7:5>>`},
	{"mstr", `[<<0:3, "ac", 7:5>>]`, `nomatch`},
	{"mstr", `[<<0:3, "a">>]`, `nomatch`},
	{"mstr", `[<<"ab">>]`, `nomatch`},
	{"mbits", `[<<1:1, 5:3, 9:4>>]`, `<<9:4>>`},
	{"mbits", `[<<1:1, 4:3, 9:4>>]`, `nomatch`},
	{"mbits", `[<<1:1, 5:2>>]`, `nomatch`},
	{"mlong", `[<<0:5, "0123456789abcdef", 1:3>>]`, `<<1:3>>`},
	{"mlong", `[<<0:5, "0123456789abcdeF", 1:3>>]`, `nomatch`},
	{"mlong", `[<<0:5, "0123456789abcde">>]`, `nomatch`},
	{"int", `[foo, 1180591620717411303424]`, `{error,system_limit}`},
	{"bin", `[foo, -1]`, `{error,badarg}`},
}

// runBinCase calls bint:fun(args...) and formats the outcome as binRunErl does.
func runBinCase(t *testing.T, v *VM, fun, args string) string {
	t.Helper()
	a, err := asm.ParseTerm("args", args)
	require.NoError(t, err)
	r, err := v.Apply("bint", fun, a.(value.List)...)
	if err != nil {
		var ee *ExitError
		require.ErrorAs(t, err, &ee)
		require.Equal(t, value.Atom("error"), ee.Class)
		return "{error," + value.Format(ee.Reason) + "}"
	}
	return value.Format(r)
}

func TestBinaryInstructions(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "bint.bl", binSrc)
		for _, c := range binCases {
			assert.Equal(t, c.want, runBinCase(t, v, c.fun, c.args), "bint:%s(%s)", c.fun, c.args)
		}
	})
}

// TestBinaryErlReference runs binCases on erl (the twins in binErl) to check that the
// expectations are Erlang's. It needs erl and erlc, and runs when BEAMLITE_ERL is set.
func TestBinaryErlReference(t *testing.T) {
	if os.Getenv("BEAMLITE_ERL") == "" {
		t.Skip("set BEAMLITE_ERL=1 to check the expectations on erl")
	}
	dir := t.TempDir()
	var cases strings.Builder
	for _, c := range binCases {
		cases.WriteString(c.fun + " " + c.args + "\n")
	}
	for name, body := range map[string]string{"bint.erl": binErl, "run.erl": binRunErl, "cases.txt": cases.String()} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	erlc := exec.Command("erlc", "bint.erl", "run.erl")
	erlc.Dir = dir
	out, err := erlc.CombinedOutput()
	require.NoError(t, err, "%s", out)
	erl := exec.Command("erl", "-noshell", "-s", "run", "main", "-s", "init", "stop")
	erl.Dir = dir
	out, err = erl.Output()
	require.NoError(t, err)
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, got, len(binCases))
	for i, c := range binCases {
		assert.Equal(t, c.want, got[i], "bint:%s(%s) on erl", c.fun, c.args)
	}
}

// binRawSrc uses what Erlang code never compiles to: positions given by the caller, and
// match instructions with no fail label (they raise badarg).
const binRawSrc = `
module braw
export setpos/2, strict/1, lit/1

% setpos(Bin, Pos): match from bit Pos on, the rest of Bin.
function setpos/2
    bs_start_match none, x0, x2
    bs_set_position x2, x1
    bs_get_tail x2, x0
    return

% strict(Bin) -> <<X:16>> = Bin, X, with every failure an exception.
function strict/1
    bs_start_match none, x0, x1
    bs_get_integer none, x1, 16, 1, [], x2
    bs_test_tail none, x1, 0
    move x2, x0
    return

% lit(N): matches a literal binary, a heap one (1) or an off-heap one (2): the results are
% sub binaries of the module's literal area.
function lit/1
    is_eq_exact @big, x0, 1
    move <<"GET /small">>, x0
    jump @match
@big:
    move <<"GET /0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789">>, x0
@match:
    bs_start_match none, x0, x1
    bs_match_string none, x1, <<"GET ">>
    bs_get_binary none, x1, 2, 8, [], x2
    bs_get_tail x1, x3
    put_tuple x0, [x2, x3]
    return
`

func TestBinaryRawPositions(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "braw.bl", binRawSrc)
		bin := value.Binary{1, 2, 3}
		for _, c := range []struct {
			fun  string
			args []value.Term
			want string
		}{
			{"setpos", []value.Term{bin, value.Int(8)}, "<<2,3>>"},
			{"setpos", []value.Term{bin, value.Int(3)}, "<<8,16,3:5>>"},
			{"setpos", []value.Term{bin, value.Int(24)}, "<<>>"},
			{"setpos", []value.Term{bin, value.Int(0)}, "<<1,2,3>>"},
			{"setpos", []value.Term{bin, value.Int(25)}, "{error,badarg}"},
			{"setpos", []value.Term{bin, value.Int(-1)}, "{error,badarg}"},
			{"setpos", []value.Term{bin, value.Atom("foo")}, "{error,badarg}"},
			{"setpos", []value.Term{value.Atom("foo"), value.Int(0)}, "{error,badarg}"},
			{"strict", []value.Term{value.Binary{1, 2}}, "258"},
			{"strict", []value.Term{value.Binary{1}}, "{error,badarg}"},
			{"strict", []value.Term{bin}, "{error,badarg}"},
			{"strict", []value.Term{value.Int(1)}, "{error,badarg}"},
			{"lit", []value.Term{value.Int(1)}, `{<<"/s">>,<<"mall">>}`},
			{"lit", []value.Term{value.Int(2)}, `{<<"/0">>,<<"123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789">>}`},
		} {
			r, err := v.Apply("braw", c.fun, c.args...)
			got := ""
			if err != nil {
				var ee *ExitError
				require.ErrorAs(t, err, &ee)
				got = "{" + string(ee.Class) + "," + value.Format(ee.Reason) + "}"
			} else {
				got = value.Print(r)
			}
			assert.Equal(t, c.want, got, "braw:%s%v", c.fun, c.args)
		}
	})
}

const appendSrc = `
module bapp
export build/2, fork/1, sub/1

% build(N, Acc) -> <<Acc/binary, 0, 1, ..., N-1>> (bytes mod 256), appending a byte at a time.
function build/2
    move 0, x2
@loop:
    is_lt @done, x2, x0
    bif2 none, erlang:'band'/2, x2, 255, x3
    bs_create_bin none, x1, [x1/binary, x3:8]
    bif2 none, erlang:'+'/2, x2, 1, x2
    jump @loop
@done:
    move x1, x0
    return

% fork(N) -> A = build(N, <<>>), {A, <<A/binary, 1>>, <<A/binary, 2, 3>>, build(3, A)}: four
% appends to the same A; only the first may write in place.
function fork/1
    allocate 3
    move <<>>, x1
    call 2, build/2
    move x0, y0
    move 1, x3
    bs_create_bin none, y1, [x0/binary, x3:8]
    move 2, x3
    move 3, x4
    bs_create_bin none, y2, [y0/binary, x3:8, x4:8]
    move 3, x0
    move y0, x1
    call 2, build/2
    put_tuple x0, [y0, y1, y2, x0]
    deallocate 3
    return

% sub(N) -> B = build(N, <<>>), <<_, Rest/binary>> = B, {B, <<Rest/binary, 7>>, <<B/binary, 8>>}:
% an append to a sub binary that ends where B does, then to B.
function sub/1
    allocate 2
    move <<>>, x1
    call 2, build/2
    move x0, y0
    bs_start_match none, x0, x1
    bs_skip_bits none, x1, 8, 1
    bs_get_tail x1, x1
    move 7, x3
    bs_create_bin none, y1, [x1/binary, x3:8]
    move 8, x3
    bs_create_bin none, x2, [y0/binary, x3:8]
    put_tuple x0, [y0, y1, x2]
    deallocate 2
    return
`

// TestBinaryAppendInPlace: appending to the binary a process built last writes into its
// spare capacity; every other append copies, so no term ever sees bytes appended to another.
func TestBinaryAppendInPlace(t *testing.T) {
	seq := func(n int, tail ...byte) value.Binary {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i)
		}
		return value.Binary(append(b, tail...))
	}
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "bapp.bl", appendSrc)
		for _, n := range []int{10, 64, 65, 200, 256, 257, 3000} {
			r, err := v.Apply("bapp", "fork", value.Int(n))
			require.NoError(t, err)
			a := seq(n)
			assert.Equal(t, value.Tuple{a, seq(n, 1), seq(n, 2, 3), seq(n, 0, 1, 2)}, r, "fork(%d)", n)

			r, err = v.Apply("bapp", "sub", value.Int(n))
			require.NoError(t, err)
			assert.Equal(t, value.Tuple{a, value.Binary(append([]byte(a[1:]), 7)), seq(n, 8)}, r, "sub(%d)", n)

			// A binary built in another process is copied, not written into.
			r, err = v.Apply("bapp", "build", value.Int(5), a)
			require.NoError(t, err)
			assert.Equal(t, seq(n, 0, 1, 2, 3, 4), r)
		}
	})
}
