s0042-----
r s BC-HKO--LeagueGlance     03-14 
^BC-HKO--League Glance<
^League Glance=
^All Times CET=
^By The Associated Press=
^NORTHERN CONFERENCE=
^ W  L  Pct  GB
Lake Placid 41  12  .774  _
Oslo 38  16  .704  3{
Turku 30  22  .577  10{
	   ___=
^SOUTHERN CONFERENCE=
^;W;L;Pct;GB
Graz;35;18;.660;_
Bolzano City;33;20;.623;2
^Saturday's Games=
	   Oslo 4, Turku 2
	   Graz 3, Lake Placid 2, OT

	   AP-WF-03-14-26 2210GMT<

