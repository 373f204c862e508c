-module(atom_text).
-export([main/0]).
% atoms to text and back, including UTF-8 and existing atoms
main() ->
    {atom_to_list('hello world'), atom_to_binary('héllo'), atom_to_binary(ok, latin1),
     list_to_atom("new_atom_x"), atom_to_list(binary_to_atom(<<"ça"/utf8>>)), binary_to_atom(<<"abc">>, latin1),
     binary_to_existing_atom(<<"ok">>, utf8), list_to_existing_atom("error"),
     binary_to_list(<<"abc">>, 2, 3), list_to_binary([1, [2, <<3>>], "4"]),
     iolist_size([<<"ab">>, $c, ["de"]]), split_binary(<<"hello">>, 2),
     binary_part(<<"hello">>, {4, -3}), binary_part(<<"hello">>, 1, 2)}.
