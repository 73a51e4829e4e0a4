import { describe, expect, it } from 'vitest';
import { embeddedIPv4 } from './embedded-ipv4.js';

describe('IPv4 addresses inside IPv6 ones', () => {
  it.each([
    ['::ffff:127.0.0.1', ['127.0.0.1']],
    ['::ffff:7f00:1', ['127.0.0.1']],
    ['::7f00:1', ['127.0.0.1']],
    ['::127.0.0.1', ['127.0.0.1']],
    ['64:ff9b::a9fe:a9fe', ['169.254.169.254']],
    ['64:ff9b::10.0.0.1', ['10.0.0.1']],
    ['2002:c0a8:0101::1', ['192.168.1.1']],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', ['65.54.227.120', '192.0.2.45']],
    ['[::FFFF:7F00:0001]', ['127.0.0.1']],
  ])('%s carries %j', (address, expected) => {
    expect(embeddedIPv4(address)).toEqual(expected);
  });

  it.each([
    '2606:4700::1111',
    '2001:db8::1',
    'fe80::1',
    'not an address',
    '1:2:3',
    '::1:2:3:4:5:6:7:8',
  ])('%s carries none', (address) => {
    expect(embeddedIPv4(address)).toEqual([]);
  });
});
