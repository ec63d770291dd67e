import { describe, expect, it } from 'vitest';
import { render, renderError } from '../helpers.js';

/** Java method behaviour, checked through templates (the way users reach it). */
describe('java.lang.String methods', () => {
  const s = (expr: string) => render(`#set($s = "hello")${expr}`);

  it('answers the common queries', () => {
    expect(s('$s.length() $s.isEmpty() $s.contains("ell") $s.startsWith("he") $s.endsWith("lo")')).toBe('5 false true true true');
    expect(s('$s.indexOf("l") $s.lastIndexOf("l") $s.indexOf("l", 3) $s.lastIndexOf("l", 2) $s.indexOf(108)')).toBe('2 3 3 2 2');
    expect(s('$s.equals("hello") $s.equalsIgnoreCase("HELLO") $s.compareTo("help") $s.hashCode()')).toBe('true true -4 99162322');
  });

  it('slices and transforms', () => {
    expect(s('$s.substring(1) $s.substring(1, 3) [$s.substring(5)] $s.charAt(1) $s.toUpperCase() $s.concat("!")')).toBe(
      'ello el [] e HELLO hello!',
    );
    expect(render('#set($p = "  hi  ")[$p.trim()] [$p.strip()]')).toBe('[hi] [hi]');
  });

  it('replaces every occurrence literally with replace, by regex with replaceAll', () => {
    expect(render('#set($a = "aaa")$a.replace("a", "b") $a.replace("aa", "b")')).toBe('bbb ba');
    expect(s('$s.replaceAll("[aeiou]", "*") $s.replaceAll("(l+)", "<$1>") $s.replaceFirst("l", "L")')).toBe('h*ll* he<ll>o heLlo');
    expect(render('#set($d = "a.b.c")$d.replace(".", "/") $d.replaceAll(".", "/")')).toBe('a/b/c /////');
  });

  it('matches and splits with Java rules', () => {
    expect(s('$s.matches("h.*o") $s.matches("ell")')).toBe('true false');
    expect(render('#set($c = "a,b,,")$c.split(",").size() #foreach($p in $c.split(","))[$p]#end')).toBe('2 [a][b]');
    expect(render('#set($d = "a.b.c")$d.split(".").size() $d.split("\\.").size()')).toBe('0 3');
  });

  it('returns a Character from charAt, which equals the string with == but not with equals()', () => {
    expect(s('#if($s.charAt(1) == "e")Y#end $s.charAt(1).equals("e")')).toBe('Y false');
  });

  it('throws StringIndexOutOfBoundsException like Java (the request fails)', () => {
    expect(renderError('#set($s = "hello")$s.substring(10)').message).toMatch(/StringIndexOutOfBoundsException.*line 1, column 19/);
    expect(renderError('#set($s = "hello")$s.charAt(-1)').name).toBe('VtlRuntimeError');
  });

  it('finds no method for arguments that fit no overload, which renders empty', () => {
    expect(s('[$s.substring("x")] [$s.noSuchMethod()] [$s.length(1)]')).toBe('[] [] []');
  });
});

describe('java.util.Map methods', () => {
  it('put returns the previous value and keeps insertion order', () => {
    expect(render('#set($m = {"a": 1})[$m.put("b", 2)] [$m.put("a", 3)] $m')).toBe('[] [1] {a=3, b=2}');
  });

  it('answers queries and exposes keys, values and entries', () => {
    const t = '#set($m = {"a": 1, "b": "two", "c": [1, 2]})';
    expect(render(`${t}$m.size() $m.get("a") $m.containsKey("b") $m.containsValue("two") $m.isEmpty()`)).toBe('3 1 true true false');
    expect(render(`${t}$m.keySet() $m.values() $m.entrySet()`)).toBe('[a, b, c] [1, two, [1, 2]] [a=1, b=two, c=[1, 2]]');
    expect(render(`${t}#foreach($e in $m.entrySet())$e.key:$e.value;#end`)).toBe('a:1;b:two;c:[1, 2];');
  });

  it('removes, merges and defaults', () => {
    expect(render('#set($m = {"a": 1})#set($n = {"b": 2})$m.putAll($n)$m $m.remove("a") $m [$m.remove("zz")] $m.getOrDefault("z", "d")')).toBe(
      '{a=1, b=2} 1 {b=2} [] d',
    );
  });

  it('reads keys as properties, even keys named like methods', () => {
    expect(render('#set($m = {"size": "S", "count": 3})$m.size $m.count $m.size()')).toBe('S 3 2');
  });
});

describe('java.util.List methods', () => {
  it('add returns true, set and remove(index) return the previous element', () => {
    expect(render('#set($l = [1, 2, 3])$l.add(4) $l.set(0, "x") $l.remove(0) $l')).toBe('true 1 x [2, 3, 4]');
    expect(render('#set($l = ["a", "b"])$l.remove("a") $l')).toBe('true [b]');
  });

  it('answers queries with Java equality (Integer 3 is not Double 3.0)', () => {
    expect(render('#set($l = [1, "two", 3.0])$l.size() $l.get(1) $l.contains(3.0) $l.contains(3) $l.indexOf("two") $l.isEmpty()')).toBe(
      '3 two true false 1 false',
    );
  });

  it('indexes from the end with a negative index', () => {
    expect(render('#set($l = [1, 2, 3])$l[0] $l[-1] $l.subList(1, 3)')).toBe('1 3 [2, 3]');
  });

  it('throws IndexOutOfBoundsException past the end', () => {
    expect(renderError('#set($l = [1])$l.get(5)').message).toMatch(/IndexOutOfBoundsException/);
    expect(renderError('#set($l = [1])$l[5]').message).toMatch(/IndexOutOfBoundsException/);
  });

  it('sorts by natural order with sort(null)', () => {
    expect(render('#set($l = [3, 1, 2])$l.sort(null)$l')).toBe('[1, 2, 3]');
  });

  it('cannot grow an array returned by split', () => {
    expect(renderError('#set($s = "a,b")#set($a = $s.split(","))$a.add("c")').message).toMatch(/UnsupportedOperationException/);
  });
});

describe('number and boolean methods', () => {
  it('converts and compares', () => {
    expect(render('#set($x = 5)$x.toString() $x.intValue() $x.doubleValue() $x.compareTo(3) $x.equals(5)')).toBe('5 5 5.0 1 true');
    expect(render('#set($d = 2.5)$d.intValue() $d.isNaN() $d.longValue()')).toBe('2 false 2');
  });

  it('reaches static methods through an instance, as templates do', () => {
    expect(render('#set($Integer = 0)#set($Boolean = false)$Integer.parseInt("12") $Boolean.parseBoolean("TRUE") $Boolean.parseBoolean("nottrue")')).toBe(
      '12 true false',
    );
    expect(renderError('#set($Integer = 0)$Integer.parseInt("x")').message).toMatch(/NumberFormatException/);
  });
});

describe('Java details found by differential testing', () => {
  it('replace with an empty target inserts the replacement around every character', () => {
    expect(render('#set($e = "")#set($s = "ab")$e.replace("", "x")|$s.replace("", "-")|$s.replace("a", "$0")')).toBe('x|-a-b-|$0b');
  });

  it('reads a replacement string only when there is a match', () => {
    expect(render('#set($s = "xyz")$s.replaceFirst("[aeiou]", "$1")|$s.replaceAll("q", "\\\\")')).toBe('xyz|xyz');
  });

  it('treats only ASCII whitespace as \\s, as java.util.regex does', () => {
    expect(render('#set($s = "a\u2028b c")$s.split("\\s+").size()|$s.replaceAll("\\s", "_")')).toBe('2|a\u2028b_c');
  });

  it('a subList of a JSON array prints the Java way', () => {
    expect(render("$input.path('$').subList(0, 1)", { body: '[{"a":1},2]' })).toBe('[{a=1}]');
  });
});

describe('map views: keySet(), values(), entrySet()', () => {
  const t = '#set($m = {"a": 1, "b": 2})';

  it('are Sets and Collections: no positional access', () => {
    expect(render(`${t}[$m.keySet().get(0)][$m.keySet()[0]][$m.values().get(0)][$m.entrySet()[1]]$m.keySet().size() $m.keySet().contains("a")`)).toBe(
      '[][][][]2 true',
    );
  });

  it('are live, and removing through them changes the map', () => {
    expect(render(`${t}#set($k = $m.keySet())#set($d = $m.put("c", 3))$k #set($d = $k.remove("a"))$m`)).toBe('[a, b, c]{b=2, c=3}');
    expect(render(`${t}#set($d = $m.values().remove(2))$m`)).toBe('{a=1}');
  });

  it('cannot be added to', () => {
    expect(renderError(`${t}$m.keySet().add("z")`).message).toMatch(/UnsupportedOperationException/);
  });

  it('a loop over a map sees values replaced during the loop', () => {
    expect(render(`${t}#foreach($v in $m)$v#set($m["b"] = "new")#end|#foreach($v in $m.values())$v#set($m["b"] = "x")#end`)).toBe('1new|1x');
  });
});
