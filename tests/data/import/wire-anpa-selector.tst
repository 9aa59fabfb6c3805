w1234asian
r i BC-EU--HarbourFire 1stLd-Writethru   12-05 0412
^BC-EU--Harbour Fire, 1st Ld-Writethru,412<
^Fire guts warehouses at Hamburg harbour<
^AP Photo HAM101, HAM102<
^Eds: Updates with police statement. With AP Photos.<
^EDITOR'S NOTE _ This story is part of an AP series on ports.<
^By ANNA BERG=
^Associated Press=
	   HAMBURG, Germany (AP) _ A fire tore through two warehouses at Hamburg's harbour overnight, lighting up the sky over the Elbe. 
	   ``It was like daylight,'' said a neighbour. 
	   Police said on Saturday that no one was hurt. 

	   AP-WF-12-05-26 0412GMT<

