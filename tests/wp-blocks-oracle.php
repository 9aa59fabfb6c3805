<?php
/*
 * wp-blocks-oracle.php: WordPress's own block parser and serializer as a
 * judge for Copydesk's.
 *
 *   php wp-blocks-oracle.php parse FILE      parse_blocks() of FILE as JSON,
 *                                            and serialize_blocks() of that
 *   php wp-blocks-oracle.php serialize FILE  serialize_blocks() of the block
 *                                            list in the JSON file FILE
 *   php wp-blocks-oracle.php autop FILE      wpautop() of FILE: the HTML
 *                                            WordPress shows of a classic post
 *
 * It loads WordPress's real code unchanged from Debian's package
 * (WORDPRESS_DIR, default /usr/share/wordpress): the hook API, functions.php
 * and formatting.php for wp_json_encode(), the parser class and blocks.php.
 * Nothing else of WordPress is needed for these functions, so no database
 * or site is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

$dir = getenv( 'WORDPRESS_DIR' ) ?: '/usr/share/wordpress';
define( 'ABSPATH', rtrim( $dir, '/' ) . '/' );
define( 'WPINC', 'wp-includes' );
error_reporting( E_ALL & ~E_DEPRECATED );

require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/functions.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/class-wp-block-parser.php';
require ABSPATH . WPINC . '/blocks.php';

if ( $argc !== 3 ) {
	fwrite( STDERR, "usage: wp-blocks-oracle.php parse|serialize|autop FILE\n" );
	exit( 2 );
}

$input = file_get_contents( $argv[2] );
if ( false === $input ) {
	exit( 2 );
}

$flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION;

if ( 'parse' === $argv[1] ) {
	$blocks = parse_blocks( $input );
	echo json_encode(
		array(
			'blocks'     => $blocks,
			'serialized' => serialize_blocks( $blocks ),
		),
		$flags
	);
} elseif ( 'autop' === $argv[1] ) {
	echo wpautop( $input );
} elseif ( 'serialize' === $argv[1] ) {
	echo serialize_blocks( json_decode( $input, true ) );
} else {
	exit( 2 );
}
