import { describe, expect, it } from 'vitest';
import { render, renderWithBody } from '../helpers.js';

/** Recorded on AWS: an undefined or null reference behaves as the empty string "". */
describe('AWS null model', () => {
  it('an undefined reference prints nothing, in every spelling', () => {
    expect(render('Hello $name|$!name|${name}|$!{name}|$name.first|$name.get("x")')).toBe('Hello |||||');
  });

  it('a null step anywhere in a chain makes the whole reference empty', () => {
    expect(render('#set($m = {})[$m.a.b.c] [$m.get("x").length()] [$undefined.length()]')).toBe('[] [] []');
  });

  it('an undefined reference is truthy in #if and !$x is false', () => {
    expect(render('#if($value)T#{else}F#end #if(!$value)T#{else}F#end #if(${a.b.c})T#end')).toBe('T F T');
  });

  it('an undefined reference equals "" and $null', () => {
    expect(render('#if($x == "")A#end #if($x == $null)B#end #if($foo.bar.stuff != "")C#{else}D#end')).toBe('A B D');
  });

  it('a missing path and a JSON null behave the same', () => {
    const template =
      '#set($result = $input.path("$.r")){"body": $result, "nested": $result.nested, "isNull": #if( $result == $null )"true"#else"false"#end, "isEmptyString": #if( $result == "" )"true"#else"false"#end}';
    expect(renderWithBody(template, {})).toBe('{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}');
    expect(renderWithBody(template, { r: null })).toBe('{"body": , "nested": , "isNull": "true", "isEmptyString": "true"}');
    expect(renderWithBody(template, { r: [] })).toBe('{"body": [], "nested": , "isNull": "false", "isEmptyString": "false"}');
  });

  it('#set($a = $missing) assigns "" while #set($a = 1 / 0) keeps the old value', () => {
    expect(render('#set($a = "old")#set($a = $missing)[$a] #set($b = "old")#set($b = 1 / 0)[$b]')).toBe('[] [old]');
  });

  it('false stays falsy', () => {
    expect(renderWithBody('#if($input.path("$.f"))T#{else}F#end', { f: false })).toBe('F');
  });

  it('a map value that is null prints as null inside the map but empty on its own', () => {
    expect(render('#set($m = {})#set($ignore = $m.put("k", null))$m [$m.k] #if("$m.k" == "")E#end')).toBe('{k=null} [] E');
  });
});
