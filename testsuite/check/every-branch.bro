# gobro check cannot evaluate @if without loading, so it checks every
# branch. The error reported is the one Bro reports when the broken
# branch is the one taken.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
@if ( Cluster::is_enabled() )
global a = 1;
@else
global b = = 2;
@endif
@TEST-END-FILE
