#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3057:
/***/ ((module) => {

function isBuffer(value) {
  return Buffer.isBuffer(value) || value instanceof Uint8Array
}

function isEncoding(encoding) {
  return Buffer.isEncoding(encoding)
}

function alloc(size, fill, encoding) {
  return Buffer.alloc(size, fill, encoding)
}

function allocUnsafe(size) {
  return Buffer.allocUnsafe(size)
}

function allocUnsafeSlow(size) {
  return Buffer.allocUnsafeSlow(size)
}

function byteLength(string, encoding) {
  return Buffer.byteLength(string, encoding)
}

function compare(a, b) {
  return Buffer.compare(a, b)
}

function concat(buffers, totalLength) {
  return Buffer.concat(buffers, totalLength)
}

function copy(source, target, targetStart, start, end) {
  return toBuffer(source).copy(target, targetStart, start, end)
}

function equals(a, b) {
  return toBuffer(a).equals(b)
}

function fill(buffer, value, offset, end, encoding) {
  return toBuffer(buffer).fill(value, offset, end, encoding)
}

function from(value, encodingOrOffset, length) {
  return Buffer.from(value, encodingOrOffset, length)
}

function includes(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).includes(value, byteOffset, encoding)
}

function indexOf(buffer, value, byfeOffset, encoding) {
  return toBuffer(buffer).indexOf(value, byfeOffset, encoding)
}

function lastIndexOf(buffer, value, byteOffset, encoding) {
  return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding)
}

function swap16(buffer) {
  return toBuffer(buffer).swap16()
}

function swap32(buffer) {
  return toBuffer(buffer).swap32()
}

function swap64(buffer) {
  return toBuffer(buffer).swap64()
}

function toBuffer(buffer) {
  if (Buffer.isBuffer(buffer)) return buffer
  return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function toString(buffer, encoding, start, end) {
  return toBuffer(buffer).toString(encoding, start, end)
}

function toHex(buffer, start, end) {
  return toBuffer(buffer).toString('hex', start, end)
}

function write(buffer, string, offset, length, encoding) {
  return toBuffer(buffer).write(string, offset, length, encoding)
}

function readDoubleBE(buffer, offset) {
  return toBuffer(buffer).readDoubleBE(offset)
}

function readDoubleLE(buffer, offset) {
  return toBuffer(buffer).readDoubleLE(offset)
}

function readFloatBE(buffer, offset) {
  return toBuffer(buffer).readFloatBE(offset)
}

function readFloatLE(buffer, offset) {
  return toBuffer(buffer).readFloatLE(offset)
}

function readInt32BE(buffer, offset) {
  return toBuffer(buffer).readInt32BE(offset)
}

function readInt32LE(buffer, offset) {
  return toBuffer(buffer).readInt32LE(offset)
}

function readUInt32BE(buffer, offset) {
  return toBuffer(buffer).readUInt32BE(offset)
}

function readUInt32LE(buffer, offset) {
  return toBuffer(buffer).readUInt32LE(offset)
}

function writeDoubleBE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleBE(value, offset)
}

function writeDoubleLE(buffer, value, offset) {
  return toBuffer(buffer).writeDoubleLE(value, offset)
}

function writeFloatBE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatBE(value, offset)
}

function writeFloatLE(buffer, value, offset) {
  return toBuffer(buffer).writeFloatLE(value, offset)
}

function writeInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32BE(value, offset)
}

function writeInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeInt32LE(value, offset)
}

function writeUInt32BE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32BE(value, offset)
}

function writeUInt32LE(buffer, value, offset) {
  return toBuffer(buffer).writeUInt32LE(value, offset)
}

module.exports = {
  isBuffer,
  isEncoding,
  alloc,
  allocUnsafe,
  allocUnsafeSlow,
  byteLength,
  compare,
  concat,
  copy,
  equals,
  fill,
  from,
  includes,
  indexOf,
  lastIndexOf,
  swap16,
  swap32,
  swap64,
  toBuffer,
  toString,
  toHex,
  write,
  readDoubleBE,
  readDoubleLE,
  readFloatBE,
  readFloatLE,
  readInt32BE,
  readInt32LE,
  readUInt32BE,
  readUInt32LE,
  writeDoubleBE,
  writeDoubleLE,
  writeFloatBE,
  writeFloatLE,
  writeInt32BE,
  writeInt32LE,
  writeUInt32BE,
  writeUInt32LE
}


/***/ }),

/***/ 9580:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(4434)


/***/ }),

/***/ 3587:
/***/ ((module) => {

module.exports = class FixedFIFO {
  constructor (hwm) {
    if (!(hwm > 0) || ((hwm - 1) & hwm) !== 0) throw new Error('Max size for a FixedFIFO should be a power of two')
    this.buffer = new Array(hwm)
    this.mask = hwm - 1
    this.top = 0
    this.btm = 0
    this.next = null
  }

  clear () {
    this.top = this.btm = 0
    this.next = null
    this.buffer.fill(undefined)
  }

  push (data) {
    if (this.buffer[this.top] !== undefined) return false
    this.buffer[this.top] = data
    this.top = (this.top + 1) & this.mask
    return true
  }

  shift () {
    const last = this.buffer[this.btm]
    if (last === undefined) return undefined
    this.buffer[this.btm] = undefined
    this.btm = (this.btm + 1) & this.mask
    return last
  }

  peek () {
    return this.buffer[this.btm]
  }

  isEmpty () {
    return this.buffer[this.btm] === undefined
  }
}


/***/ }),

/***/ 3867:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const FixedFIFO = __nccwpck_require__(3587)

module.exports = class FastFIFO {
  constructor (hwm) {
    this.hwm = hwm || 16
    this.head = new FixedFIFO(this.hwm)
    this.tail = this.head
    this.length = 0
  }

  clear () {
    this.head = this.tail
    this.head.clear()
    this.length = 0
  }

  push (val) {
    this.length++
    if (!this.head.push(val)) {
      const prev = this.head
      this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length)
      this.head.push(val)
    }
  }

  shift () {
    if (this.length !== 0) this.length--
    const val = this.tail.shift()
    if (val === undefined && this.tail.next) {
      const next = this.tail.next
      this.tail.next = null
      this.tail = next
      return this.tail.shift()
    }

    return val
  }

  peek () {
    const val = this.tail.peek()
    if (val === undefined && this.tail.next) return this.tail.next.peek()
    return val
  }

  isEmpty () {
    return this.length === 0
  }
}


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 6204:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { EventEmitter } = __nccwpck_require__(9580)
const FIFO = __nccwpck_require__(3867)
const TextDecoder = __nccwpck_require__(7934)

const StreamError = __nccwpck_require__(5657)

// if we do a future major, expect queue microtask to be there always, for now a bit defensive
const qmt =
  typeof queueMicrotask === 'undefined' ? (fn) => global.process.nextTick(fn) : queueMicrotask

// 29 bits used total (4 from shared, 14 from read, and 11 from write)
const MAX = (1 << 29) - 1

// Shared state
const OPENING = 0b0001
const PREDESTROYING = 0b0010
const DESTROYING = 0b0100
const DESTROYED = 0b1000

const NOT_OPENING = MAX ^ OPENING
const NOT_PREDESTROYING = MAX ^ PREDESTROYING

// Read state (4 bit offset from shared state)
const READ_ACTIVE = 0b00000000000001 << 4
const READ_UPDATING = 0b00000000000010 << 4
const READ_PRIMARY = 0b00000000000100 << 4
const READ_QUEUED = 0b00000000001000 << 4
const READ_RESUMED = 0b00000000010000 << 4
const READ_PIPE_DRAINED = 0b00000000100000 << 4
const READ_ENDING = 0b00000001000000 << 4
const READ_EMIT_DATA = 0b00000010000000 << 4
const READ_EMIT_READABLE = 0b00000100000000 << 4
const READ_EMITTED_READABLE = 0b00001000000000 << 4
const READ_DONE = 0b00010000000000 << 4
const READ_NEXT_TICK = 0b00100000000000 << 4
const READ_NEEDS_PUSH = 0b01000000000000 << 4
const READ_READ_AHEAD = 0b10000000000000 << 4

// Combined read state
const READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED
const READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH
const READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE
const READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED
const READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD

const READ_NOT_ACTIVE = MAX ^ READ_ACTIVE
const READ_NON_PRIMARY = MAX ^ READ_PRIMARY
const READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH)
const READ_PUSHED = MAX ^ READ_NEEDS_PUSH
const READ_PAUSED = MAX ^ READ_RESUMED
const READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE)
const READ_NOT_ENDING = MAX ^ READ_ENDING
const READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING
const READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK
const READ_NOT_UPDATING = MAX ^ READ_UPDATING
const READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD
const READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD

// Write state (18 bit offset, 4 bit offset from shared state and 14 from read state)
const WRITE_ACTIVE = 0b00000000001 << 18
const WRITE_UPDATING = 0b00000000010 << 18
const WRITE_PRIMARY = 0b00000000100 << 18
const WRITE_QUEUED = 0b00000001000 << 18
const WRITE_UNDRAINED = 0b00000010000 << 18
const WRITE_DONE = 0b00000100000 << 18
const WRITE_EMIT_DRAIN = 0b00001000000 << 18
const WRITE_NEXT_TICK = 0b00010000000 << 18
const WRITE_WRITING = 0b00100000000 << 18
const WRITE_FINISHING = 0b01000000000 << 18
const WRITE_CORKED = 0b10000000000 << 18

const WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING)
const WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY
const WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING)
const WRITE_DRAINED = MAX ^ WRITE_UNDRAINED
const WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED
const WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK
const WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING
const WRITE_NOT_CORKED = MAX ^ WRITE_CORKED

// Combined shared state
const ACTIVE = READ_ACTIVE | WRITE_ACTIVE
const NOT_ACTIVE = MAX ^ ACTIVE
const DONE = READ_DONE | WRITE_DONE
const DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING
const OPEN_STATUS = DESTROY_STATUS | OPENING
const AUTO_DESTROY = DESTROY_STATUS | DONE
const NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY
const ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK
const TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE
const IS_OPENING = OPEN_STATUS | TICKING

// Combined shared state and read state
const READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE
const READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED
const READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED
const READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE
const SHOULD_NOT_READ =
  OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD
const READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE
const READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY
const READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING

// Combined write state
const WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED
const WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE
const WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE
const WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED
const WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE
const WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING
const WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE
const WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE
const WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY
const WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS

const asyncIterator = Symbol.asyncIterator || Symbol('asyncIterator')

class WritableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapWritable, byteLength, byteLengthWritable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark
    this.buffered = 0
    this.error = null
    this.pipeline = null
    this.drains = null // if we add more seldomly used helpers we might them into a subobject so its a single ptr
    this.byteLength = byteLengthWritable || byteLength || defaultByteLength
    this.map = mapWritable || map
    this.afterWrite = afterWrite.bind(this)
    this.afterUpdateNextTick = updateWriteNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & WRITE_FINISHING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & WRITE_DONE) !== 0
  }

  push(data) {
    if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false
    if (this.map !== null) data = this.map(data)

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    if (this.buffered < this.highWaterMark) {
      this.stream._duplexState |= WRITE_QUEUED
      return true
    }

    this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED
    return false
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED

    return data
  }

  end(data) {
    if (typeof data === 'function') {
      this.stream.once('finish', data)
    } else if (data !== undefined && data !== null) {
      this.push(data)
    }

    this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY
  }

  autoBatch(data, cb) {
    const buffer = []
    const stream = this.stream

    buffer.push(data)
    while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
      buffer.push(stream._writableState.shift())
    }

    if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null)
    stream._writev(buffer, cb)
  }

  update() {
    const stream = this.stream

    stream._duplexState |= WRITE_UPDATING

    do {
      while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
        const data = this.shift()
        stream._duplexState |= WRITE_ACTIVE_AND_WRITING
        stream._write(data, this.afterWrite)
      }

      if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary()
    } while (this.continueUpdate() === true)

    stream._duplexState &= WRITE_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
      stream._duplexState = stream._duplexState | WRITE_ACTIVE
      stream._final(afterFinal.bind(this))
      return
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTick() {
    if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return
    this.stream._duplexState |= WRITE_NEXT_TICK
    if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class ReadableState {
  constructor(
    stream,
    { highWaterMark = 16384, map = null, mapReadable, byteLength, byteLengthReadable } = {}
  ) {
    this.stream = stream
    this.queue = new FIFO()
    this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark
    this.buffered = 0
    this.readAhead = highWaterMark > 0
    this.error = null
    this.pipeline = null
    this.byteLength = byteLengthReadable || byteLength || defaultByteLength
    this.map = mapReadable || map
    this.pipeTo = null
    this.afterRead = afterRead.bind(this)
    this.afterUpdateNextTick = updateReadNT.bind(this)
  }

  get ending() {
    return (this.stream._duplexState & READ_ENDING) !== 0
  }

  get ended() {
    return (this.stream._duplexState & READ_DONE) !== 0
  }

  pipe(pipeTo, cb) {
    if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT('Can only pipe to one destination')
    if (typeof cb !== 'function') cb = null

    this.stream._duplexState |= READ_PIPE_DRAINED
    this.pipeTo = pipeTo
    this.pipeline = new Pipeline(this.stream, pipeTo, cb)

    if (cb) this.stream.on('error', noop) // We already error handle this so supress crashes

    if (isStreamx(pipeTo)) {
      pipeTo._writableState.pipeline = this.pipeline
      if (cb) pipeTo.on('error', noop) // We already error handle this so supress crashes
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline)) // TODO: just call finished from pipeTo itself
    } else {
      const onerror = this.pipeline.done.bind(this.pipeline, pipeTo)
      const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null) // onclose has a weird bool arg
      pipeTo.on('error', onerror)
      pipeTo.on('close', onclose)
      pipeTo.on('finish', this.pipeline.finished.bind(this.pipeline))
    }

    pipeTo.on('drain', afterDrain.bind(this))
    this.stream.emit('piping', pipeTo)
    pipeTo.emit('pipe', this.stream)
  }

  push(data) {
    const stream = this.stream

    if (data === null) {
      this.highWaterMark = 0
      stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED
      return false
    }

    if (this.map !== null) {
      data = this.map(data)
      if (data === null) {
        stream._duplexState &= READ_PUSHED
        return this.buffered < this.highWaterMark
      }
    }

    this.buffered += this.byteLength(data)
    this.queue.push(data)

    stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED

    return this.buffered < this.highWaterMark
  }

  shift() {
    const data = this.queue.shift()

    this.buffered -= this.byteLength(data)
    if (this.buffered === 0) {
      this.stream._duplexState &= READ_NOT_QUEUED
    }

    return data
  }

  unshift(data) {
    const pending = [this.map !== null ? this.map(data) : data]
    while (this.buffered > 0) pending.push(this.shift())

    for (let i = 0; i < pending.length - 1; i++) {
      const data = pending[i]
      this.buffered += this.byteLength(data)
      this.queue.push(data)
    }

    this.push(pending[pending.length - 1])
  }

  read() {
    const stream = this.stream

    if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }

      return data
    }

    if (this.readAhead === false) {
      stream._duplexState |= READ_READ_AHEAD
      this.updateNextTick()
    }

    return null
  }

  drain() {
    const stream = this.stream

    while (
      (stream._duplexState & READ_STATUS) === READ_QUEUED &&
      (stream._duplexState & READ_FLOWING) !== 0
    ) {
      const data = this.shift()

      if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
        stream._duplexState &= READ_PIPE_NOT_DRAINED
      }

      if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
        stream.emit('data', data)
      }
    }
  }

  update() {
    const stream = this.stream

    stream._duplexState |= READ_UPDATING

    do {
      this.drain()

      while (
        this.buffered < this.highWaterMark &&
        (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD
      ) {
        stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH
        stream._read(this.afterRead)
        this.drain()
      }

      if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
        stream._duplexState |= READ_EMITTED_READABLE
        stream.emit('readable')
      }

      if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
        this.updateNonPrimary()
      }
    } while (this.continueUpdate() === true)

    stream._duplexState &= READ_NOT_UPDATING
  }

  updateNonPrimary() {
    const stream = this.stream

    if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
      stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING
      stream.emit('end')

      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING
      }

      if (this.pipeTo !== null) {
        this.pipeTo.end()
      }
    }

    if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
      if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
        stream._duplexState |= ACTIVE
        stream._destroy(afterDestroy.bind(this))
      }
      return
    }

    if ((stream._duplexState & IS_OPENING) === OPENING) {
      stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING
      stream._open(afterOpen.bind(this))
    }
  }

  continueUpdate() {
    if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    return true
  }

  updateCallback() {
    if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
      this.update()
    } else {
      this.updateNextTick()
    }
  }

  updateNextTickIfOpen() {
    if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }

  updateNextTick() {
    if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return
    this.stream._duplexState |= READ_NEXT_TICK
    if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick)
  }
}

class TransformState {
  constructor(stream) {
    this.data = null
    this.afterTransform = afterTransform.bind(stream)
    this.afterFinal = null
  }
}

class Pipeline {
  constructor(src, dst, cb) {
    this.from = src
    this.to = dst
    this.afterPipe = cb
    this.error = null
    this.pipeToFinished = false
  }

  finished() {
    this.pipeToFinished = true
  }

  done(stream, err) {
    if (err) this.error = err

    if (stream === this.to) {
      this.to = null

      if (this.from !== null) {
        if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
          this.from.destroy(this.error || StreamError.PREMATURE_CLOSE('Writable stream closed'))
        }
        return
      }
    }

    if (stream === this.from) {
      this.from = null

      if (this.to !== null) {
        if ((stream._duplexState & READ_DONE) === 0) {
          this.to.destroy(this.error || StreamError.PREMATURE_CLOSE('Readable stream closed'))
        }
        return
      }
    }

    if (this.afterPipe !== null) this.afterPipe(this.error)
    this.to = this.from = this.afterPipe = null
  }
}

function afterDrain() {
  this.stream._duplexState |= READ_PIPE_DRAINED
  this.updateCallback()
}

function afterFinal(err) {
  const stream = this.stream
  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROY_STATUS) === 0) {
    stream._duplexState |= WRITE_DONE
    stream.emit('finish')
  }

  if ((stream._duplexState & AUTO_DESTROY) === DONE) {
    stream._duplexState |= DESTROYING
  }

  stream._duplexState &= WRITE_NOT_FINISHING

  // no need to wait the extra tick here, so we short circuit that
  if ((stream._duplexState & WRITE_UPDATING) === 0) {
    this.update()
  } else {
    this.updateNextTick()
  }
}

function afterDestroy(err) {
  const stream = this.stream

  if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error
  if (err) stream.emit('error', err)

  stream._duplexState |= DESTROYED
  stream.emit('close')

  const rs = stream._readableState
  const ws = stream._writableState

  if (rs !== null && rs.pipeline !== null) {
    rs.pipeline.done(stream, err)
  }

  if (ws !== null) {
    while (ws.drains !== null && ws.drains.length > 0) {
      ws.drains.shift().resolve(false)
    }

    if (ws.pipeline !== null) {
      ws.pipeline.done(stream, err)
    }
  }
}

function afterWrite(err) {
  const stream = this.stream

  if (err) stream.destroy(err)
  stream._duplexState &= WRITE_NOT_ACTIVE

  if (this.drains !== null) tickDrains(this.drains)

  if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
    stream._duplexState &= WRITE_DRAINED

    if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
      stream.emit('drain')
    }
  }

  this.updateCallback()
}

function afterRead(err) {
  if (err) this.stream.destroy(err)
  this.stream._duplexState &= READ_NOT_ACTIVE

  if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
    this.stream._duplexState &= READ_NO_READ_AHEAD
  }

  this.updateCallback()
}

function updateReadNT() {
  if ((this.stream._duplexState & READ_UPDATING) === 0) {
    this.stream._duplexState &= READ_NOT_NEXT_TICK
    this.update()
  }
}

function updateWriteNT() {
  if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
    this.stream._duplexState &= WRITE_NOT_NEXT_TICK
    this.update()
  }
}

function tickDrains(drains) {
  for (let i = 0; i < drains.length; i++) {
    // drains.writes are monotonic, so if one is 0 its always the first one
    if (--drains[i].writes === 0) {
      drains.shift().resolve(true)
      i--
    }
  }
}

function afterOpen(err) {
  const stream = this.stream

  if (err) stream.destroy(err)

  if ((stream._duplexState & DESTROYING) === 0) {
    if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
      stream._duplexState |= READ_PRIMARY
    }

    if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
      stream._duplexState |= WRITE_PRIMARY
    }

    stream.emit('open')
  }

  stream._duplexState &= NOT_ACTIVE

  if (stream._writableState !== null) {
    stream._writableState.updateCallback()
  }

  if (stream._readableState !== null) {
    stream._readableState.updateCallback()
  }
}

function afterTransform(err, data) {
  if (data !== undefined && data !== null) this.push(data)
  this._writableState.afterWrite(err)
}

function newListener(name) {
  if (this._readableState !== null) {
    if (name === 'data') {
      this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD
      this._readableState.updateNextTick()
    }
    if (name === 'readable') {
      this._duplexState |= READ_EMIT_READABLE
      this._readableState.updateNextTick()
    }
  }

  if (this._writableState !== null) {
    if (name === 'drain') {
      this._duplexState |= WRITE_EMIT_DRAIN
      this._writableState.updateNextTick()
    }
  }
}

class Stream extends EventEmitter {
  constructor(opts) {
    super()

    this._duplexState = 0
    this._readableState = null
    this._writableState = null

    if (opts) {
      if (opts.open) this._open = opts.open
      if (opts.destroy) this._destroy = opts.destroy
      if (opts.predestroy) this._predestroy = opts.predestroy
      if (opts.signal) opts.signal.addEventListener('abort', abort.bind(this))
    }

    this.on('newListener', newListener)
  }

  _open(cb) {
    cb(null)
  }

  _destroy(cb) {
    cb(null)
  }

  _predestroy() {
    // does nothing
  }

  get readable() {
    return this._readableState !== null ? true : undefined
  }

  get writable() {
    return this._writableState !== null ? true : undefined
  }

  get destroyed() {
    return (this._duplexState & DESTROYED) !== 0
  }

  get destroying() {
    return (this._duplexState & DESTROY_STATUS) !== 0
  }

  destroy(err) {
    if ((this._duplexState & DESTROY_STATUS) === 0) {
      if (!err) err = StreamError.STREAM_DESTROYED()
      this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY

      if (this._readableState !== null) {
        this._readableState.highWaterMark = 0
        this._readableState.error = err
      }

      if (this._writableState !== null) {
        this._writableState.highWaterMark = 0
        this._writableState.error = err
      }

      this._duplexState |= PREDESTROYING
      this._predestroy()
      this._duplexState &= NOT_PREDESTROYING

      if (this._readableState !== null) {
        this._readableState.updateNextTick()
      }

      if (this._writableState !== null) {
        this._writableState.updateNextTick()
      }
    }
  }
}

class Readable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD
    this._readableState = new ReadableState(this, opts)

    if (opts) {
      if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD
      if (opts.read) this._read = opts.read
      if (opts.eagerOpen) this._readableState.updateNextTick()
      if (opts.encoding) this.setEncoding(opts.encoding)
    }
  }

  static deferred(fn, opts) {
    const out = new PassThrough(opts)

    fn()
      .then((src) => {
        if (src === null) return out.end()
        if (out.destroying) return
        pipeline(src, out, noop)
      })
      .catch((err) => out.destroy(err))

    return out
  }

  setEncoding(encoding) {
    const dec = new TextDecoder(encoding)
    const map = this._readableState.map || echo
    this._readableState.map = mapOrSkip
    return this

    function mapOrSkip(data) {
      const next = dec.push(data)
      return next === '' && (data.byteLength !== 0 || dec.remaining > 0) ? null : map(next)
    }
  }

  _read(cb) {
    cb(null)
  }

  pipe(dest, cb) {
    this._readableState.updateNextTick()
    this._readableState.pipe(dest, cb)
    return dest
  }

  read() {
    this._readableState.updateNextTick()
    return this._readableState.read()
  }

  push(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.push(data)
  }

  unshift(data) {
    this._readableState.updateNextTickIfOpen()
    return this._readableState.unshift(data)
  }

  resume() {
    this._duplexState |= READ_RESUMED_READ_AHEAD
    this._readableState.updateNextTick()
    return this
  }

  pause() {
    this._duplexState &=
      this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED
    return this
  }

  static _fromAsyncIterator(ite, opts) {
    let destroy

    const rs = new Readable({
      ...opts,
      read(cb) {
        ite.next().then(push).then(cb.bind(null, null)).catch(cb)
      },
      predestroy() {
        destroy = ite.return()
      },
      destroy(cb) {
        if (!destroy) return cb(null)
        destroy.then(cb.bind(null, null)).catch(cb)
      }
    })

    return rs

    function push(data) {
      if (data.done) rs.push(null)
      else rs.push(data.value)
    }
  }

  static from(data, opts) {
    if (isReadStreamx(data)) return data
    if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts)
    if (!Array.isArray(data)) data = data === undefined ? [] : [data]

    let i = 0
    return new Readable({
      ...opts,
      read(cb) {
        this.push(i === data.length ? null : data[i++])
        cb(null)
      }
    })
  }

  static isBackpressured(rs) {
    return (
      (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 ||
      rs._readableState.buffered >= rs._readableState.highWaterMark
    )
  }

  static isPaused(rs) {
    return (rs._duplexState & READ_RESUMED) === 0
  }

  [asyncIterator]() {
    const stream = this

    let error = null
    let promiseResolve = null
    let promiseReject = null

    this.on('error', (err) => {
      error = err
    })
    this.on('readable', onreadable)
    this.on('close', onclose)

    return {
      [asyncIterator]() {
        return this
      },
      next() {
        return new Promise(function (resolve, reject) {
          promiseResolve = resolve
          promiseReject = reject
          const data = stream.read()
          if (data !== null) ondata(data)
          else if ((stream._duplexState & DESTROYED) !== 0) ondata(null)
        })
      },
      return() {
        return destroy(null)
      },
      throw(err) {
        return destroy(err)
      }
    }

    function onreadable() {
      if (promiseResolve !== null) ondata(stream.read())
    }

    function onclose() {
      if (promiseResolve !== null) ondata(null)
    }

    function ondata(data) {
      if (promiseReject === null) return
      if (error) {
        promiseReject(error)
      } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
        promiseReject(StreamError.STREAM_DESTROYED())
      } else {
        promiseResolve({ value: data, done: data === null })
      }
      promiseReject = promiseResolve = null
    }

    function destroy(err) {
      stream.destroy(err)
      return new Promise((resolve, reject) => {
        if (stream._duplexState & DESTROYED) return resolve({ value: undefined, done: true })
        stream.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

class Writable extends Stream {
  constructor(opts) {
    super(opts)

    this._duplexState |= OPENING | READ_DONE
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
      if (opts.eagerOpen) this._writableState.updateNextTick()
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  static isBackpressured(ws) {
    return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0
  }

  static drained(ws) {
    if (ws.destroyed) return Promise.resolve(false)

    const state = ws._writableState
    const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length
    const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0)
    if (writes === 0) return Promise.resolve(true)

    if (state.drains === null) state.drains = []
    return new Promise((resolve) => {
      state.drains.push({ writes, resolve })
    })
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Duplex extends Readable {
  // and Writable
  constructor(opts) {
    super(opts)

    this._duplexState = OPENING | (this._duplexState & READ_READ_AHEAD)
    this._writableState = new WritableState(this, opts)

    if (opts) {
      if (opts.writev) this._writev = opts.writev
      if (opts.write) this._write = opts.write
      if (opts.final) this._final = opts.final
    }
  }

  cork() {
    this._duplexState |= WRITE_CORKED
  }

  uncork() {
    this._duplexState &= WRITE_NOT_CORKED
    this._writableState.updateNextTick()
  }

  _writev(batch, cb) {
    cb(null)
  }

  _write(data, cb) {
    this._writableState.autoBatch(data, cb)
  }

  _final(cb) {
    cb(null)
  }

  write(data) {
    this._writableState.updateNextTick()
    return this._writableState.push(data)
  }

  end(data) {
    this._writableState.updateNextTick()
    this._writableState.end(data)
    return this
  }
}

class Transform extends Duplex {
  constructor(opts) {
    super(opts)
    this._transformState = new TransformState(this)

    if (opts) {
      if (opts.transform) this._transform = opts.transform
      if (opts.flush) this._flush = opts.flush
    }
  }

  _write(data, cb) {
    if (this._readableState.buffered >= this._readableState.highWaterMark) {
      this._transformState.data = data
    } else {
      this._transform(data, this._transformState.afterTransform)
    }
  }

  _read(cb) {
    if (this._transformState.data !== null) {
      const data = this._transformState.data
      this._transformState.data = null
      cb(null)
      this._transform(data, this._transformState.afterTransform)
    } else {
      cb(null)
    }
  }

  destroy(err) {
    super.destroy(err)
    if (this._transformState.data !== null) {
      this._transformState.data = null
      this._transformState.afterTransform()
    }
  }

  _transform(data, cb) {
    cb(null, data)
  }

  _flush(cb) {
    cb(null)
  }

  _final(cb) {
    this._transformState.afterFinal = cb
    this._flush(transformAfterFlush.bind(this))
  }
}

class PassThrough extends Transform {}

function transformAfterFlush(err, data) {
  const cb = this._transformState.afterFinal
  if (err) return cb(err)

  if (data !== null && data !== undefined) this.push(data)
  this.push(null)
  cb(null)
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    return pipeline(...streams, (err) => {
      if (err) return reject(err)
      resolve()
    })
  })
}

function pipeline(stream, ...streams) {
  const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams]
  const done = all.length && typeof all[all.length - 1] === 'function' ? all.pop() : null

  if (all.length < 2) throw StreamError.BAD_ARGUMENT('Pipeline requires at least 2 streams')

  let src = all[0]
  let dest = null
  let error = null

  for (let i = 1; i < all.length; i++) {
    dest = all[i]

    if (isStreamx(src)) {
      src.pipe(dest, onerror)
    } else {
      errorHandle(src, true, i > 1, onerror)
      src.pipe(dest)
    }

    src = dest
  }

  if (done) {
    let fin = false

    const autoDestroy =
      isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy)

    dest.on('error', (err) => {
      if (error === null) error = err
    })

    dest.on('finish', () => {
      fin = true
      if (!autoDestroy) done(error)
    })

    if (autoDestroy) {
      dest.on('close', () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())))
    }
  }

  return dest

  function errorHandle(s, rd, wr, onerror) {
    s.on('error', onerror)
    s.on('close', onclose)

    function onclose() {
      if (rd && s._readableState && !s._readableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
      if (wr && s._writableState && !s._writableState.ended) {
        return onerror(StreamError.PREMATURE_CLOSE())
      }
    }
  }

  function onerror(err) {
    if (!err || error) return
    error = err

    for (const s of all) {
      s.destroy(err)
    }
  }
}

function echo(s) {
  return s
}

function isStream(stream) {
  return !!stream._readableState || !!stream._writableState
}

function isStreamx(stream) {
  return typeof stream._duplexState === 'number' && isStream(stream)
}

function isEnding(stream) {
  return !!stream._readableState && stream._readableState.ending
}

function isEnded(stream) {
  return !!stream._readableState && stream._readableState.ended
}

function isFinishing(stream) {
  return !!stream._writableState && stream._writableState.ending
}

function isFinished(stream) {
  return !!stream._writableState && stream._writableState.ended
}

function getStreamError(stream, opts = {}) {
  const err =
    (stream._readableState && stream._readableState.error) ||
    (stream._writableState && stream._writableState.error)

  // avoid implicit errors by default
  return !opts.all && StreamError.isStreamDestroyed(err) ? null : err
}

function isReadStreamx(stream) {
  return isStreamx(stream) && stream.readable
}

function isDisturbed(stream) {
  return (
    (stream._duplexState & OPENING) !== OPENING ||
    (stream._duplexState & DESTROYING) === DESTROYING ||
    (stream._duplexState & ACTIVE_OR_TICKING) !== 0
  )
}

function isTypedArray(data) {
  return typeof data === 'object' && data !== null && typeof data.byteLength === 'number'
}

function defaultByteLength(data) {
  return isTypedArray(data) ? data.byteLength : 1024
}

function noop() {}

function abort() {
  this.destroy(StreamError.ABORTED())
}

function isWritev(s) {
  return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev
}

module.exports = {
  pipeline,
  pipelinePromise,
  isStream,
  isStreamx,
  isEnding,
  isEnded,
  isFinishing,
  isFinished,
  isDisturbed,
  getStreamError,
  Stream,
  Writable,
  Readable,
  Duplex,
  Transform,
  // Export PassThrough for compatibility with Node.js core's stream module
  PassThrough
}


/***/ }),

/***/ 5657:
/***/ ((module) => {

module.exports = class StreamError extends Error {
  constructor(msg, code, fn = StreamError) {
    super(msg)

    this.code = code

    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, fn)
    }
  }

  static isStreamDestroyed(err) {
    return err && err.code === 'STREAM_DESTROYED'
  }

  static isPrematureClose(err) {
    return err && err.code === 'PREMATURE_CLOSE'
  }

  static isAborted(err) {
    return err && err.code === 'ABORTED'
  }

  static isBadArgument(err) {
    return err && err.code === 'BAD_ARGUMENT'
  }

  get name() {
    return 'StreamError'
  }

  static STREAM_DESTROYED() {
    return new StreamError('Stream was destroyed', 'STREAM_DESTROYED', StreamError.STREAM_DESTROYED)
  }

  static PREMATURE_CLOSE(msg = 'Premature close') {
    return new StreamError(msg, 'PREMATURE_CLOSE', StreamError.PREMATURE_CLOSE)
  }

  static ABORTED() {
    return new StreamError('Stream aborted', 'ABORTED', StreamError.ABORTED)
  }

  static BAD_ARGUMENT(msg = 'Bad argument') {
    return new StreamError(msg, 'BAD_ARGUMENT', StreamError.BAD_ARGUMENT)
  }
}


/***/ }),

/***/ 775:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const constants = { // just for envs without fs
  S_IFMT: 61440,
  S_IFDIR: 16384,
  S_IFCHR: 8192,
  S_IFBLK: 24576,
  S_IFIFO: 4096,
  S_IFLNK: 40960
}

try {
  module.exports = (__nccwpck_require__(9896).constants) || constants
} catch {
  module.exports = constants
}


/***/ }),

/***/ 5763:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Writable, Readable, getStreamError } = __nccwpck_require__(6204)
const FIFO = __nccwpck_require__(3867)
const b4a = __nccwpck_require__(3057)
const headers = __nccwpck_require__(8428)

const EMPTY = b4a.alloc(0)
const MAX_HEADER_SIZE = 4 * 1024 * 1024 // arbitrary big number

class BufferList {
  constructor () {
    this.buffered = 0
    this.shifted = 0
    this.queue = new FIFO()

    this._offset = 0
  }

  push (buffer) {
    this.buffered += buffer.byteLength
    this.queue.push(buffer)
  }

  shiftFirst (size) {
    return this.buffered === 0 ? null : this._next(size)
  }

  shift (size) {
    if (size > this.buffered) return null
    if (size === 0) return EMPTY

    let chunk = this._next(size)

    if (size === chunk.byteLength) return chunk // likely case

    const chunks = [chunk]

    while ((size -= chunk.byteLength) > 0) {
      chunk = this._next(size)
      chunks.push(chunk)
    }

    return b4a.concat(chunks)
  }

  _next (size) {
    const buf = this.queue.peek()
    const rem = buf.byteLength - this._offset

    if (size >= rem) {
      const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf
      this.queue.shift()
      this._offset = 0
      this.buffered -= rem
      this.shifted += rem
      return sub
    }

    this.buffered -= size
    this.shifted += size

    return buf.subarray(this._offset, (this._offset += size))
  }
}

class Source extends Readable {
  constructor (self, header, offset) {
    super()

    this.header = header
    this.offset = offset

    this._parent = self

    // errors are always forwarded to the parent, so the entry itself should never throw an unhandled one
    this.on('error', noop)
  }

  _read (cb) {
    if (this.header.size === 0) {
      this.push(null)
    }
    if (this._parent._stream === this) {
      this._parent._update()
    }
    cb(null)
  }

  _predestroy () {
    this._parent.destroy(getStreamError(this))
  }

  _detach () {
    if (this._parent._stream === this) {
      this._parent._stream = null
      this._parent._missing = overflow(this.header.size)
      this._parent._update()
    }
  }

  _destroy (cb) {
    this._detach()
    cb(null)
  }
}

class Extract extends Writable {
  constructor (opts) {
    super(opts)

    if (!opts) opts = {}

    this._buffer = new BufferList()
    this._offset = 0
    this._header = null
    this._stream = null
    this._missing = 0
    this._longHeader = false
    this._callback = noop
    this._locked = false
    this._updating = false
    this._finished = false
    this._pax = null
    this._paxGlobal = null
    this._gnuLongPath = null
    this._gnuLongLinkPath = null
    this._filenameEncoding = opts.filenameEncoding || 'utf-8'
    this._allowUnknownFormat = !!opts.allowUnknownFormat
    this._unlockBound = this._unlock.bind(this)
  }

  _unlock (err) {
    this._locked = false

    if (err) {
      this.destroy(err)
      this._continueWrite(err)
      return
    }

    this._update()
  }

  _consumeHeader () {
    if (this._locked) return false

    this._offset = this._buffer.shifted

    try {
      this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    if (!this._header) return true

    this._header.byteOffset = this._buffer.shifted

    switch (this._header.type) {
      case 'gnu-long-path':
      case 'gnu-long-link-path':
      case 'pax-global-header':
      case 'pax-header':
        this._longHeader = true
        this._missing = this._header.size
        if (this._missing > MAX_HEADER_SIZE) {
          this._continueWrite(new Error('Header exceeds max size'))
          return false
        }
        return true
    }

    this._locked = true
    this._applyLongHeaders()

    if (!(this._header.size >= 0)) {
      this._continueWrite(new Error('Invalid header'))
      return false
    }

    if (this._header.size === 0 || this._header.type === 'directory') {
      this.emit('entry', this._header, this._createStream(), this._unlockBound)
      return true
    }

    this._stream = this._createStream()
    this._missing = this._header.size

    this.emit('entry', this._header, this._stream, this._unlockBound)
    return true
  }

  _applyLongHeaders () {
    if (this._gnuLongPath) {
      this._header.name = this._gnuLongPath
      this._gnuLongPath = null
    }

    if (this._gnuLongLinkPath) {
      this._header.linkname = this._gnuLongLinkPath
      this._gnuLongLinkPath = null
    }

    if (this._pax) {
      if (this._pax.path) this._header.name = this._pax.path
      if (this._pax.linkpath) this._header.linkname = this._pax.linkpath
      if (this._pax.size) this._header.size = parseInt(this._pax.size, 10)
      this._header.pax = this._pax
      this._pax = null
    }
  }

  _decodeLongHeader (buf) {
    switch (this._header.type) {
      case 'gnu-long-path':
        this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'gnu-long-link-path':
        this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding)
        break
      case 'pax-global-header':
        this._paxGlobal = validatePax(headers.decodePax(buf))
        break
      case 'pax-header':
        this._pax = this._paxGlobal === null
          ? validatePax(headers.decodePax(buf))
          : Object.assign({}, this._paxGlobal, validatePax(headers.decodePax(buf)))
        break
    }
  }

  _consumeLongHeader () {
    this._longHeader = false
    this._missing = overflow(this._header.size)

    const buf = this._buffer.shift(this._header.size)

    try {
      this._decodeLongHeader(buf)
    } catch (err) {
      this._continueWrite(err)
      return false
    }

    return true
  }

  _consumeStream () {
    const buf = this._buffer.shiftFirst(this._missing)
    if (buf === null) return false

    this._missing -= buf.byteLength
    const drained = this._stream.push(buf)

    if (this._missing === 0) {
      this._stream.push(null)
      if (drained) this._stream._detach()
      return drained && this._locked === false
    }

    return drained
  }

  _createStream () {
    return new Source(this, this._header, this._offset)
  }

  _update () {
    if (this._updating) return // the running update picks up any state changes
    this._updating = true
    const done = this._consume()
    this._updating = false
    if (done) this._continueWrite(null)
  }

  _consume () {
    while (this._buffer.buffered > 0 && !this.destroying) {
      if (this._missing > 0) {
        if (this._stream !== null) {
          if (this._consumeStream() === false) return false
          continue
        }

        if (this._longHeader === true) {
          if (this._missing > this._buffer.buffered) break
          if (this._consumeLongHeader() === false) return false
          continue
        }

        const ignore = this._buffer.shiftFirst(this._missing)
        if (ignore !== null) this._missing -= ignore.byteLength
        continue
      }

      if (this._buffer.buffered < 512) break
      if (this._stream !== null || this._consumeHeader() === false) return false
    }

    return true
  }

  _continueWrite (err) {
    const cb = this._callback
    this._callback = noop
    cb(err)
  }

  _write (data, cb) {
    this._callback = cb
    this._buffer.push(data)
    this._update()
  }

  _final (cb) {
    this._finished = this._missing === 0 && this._buffer.buffered === 0
    cb(this._finished ? null : new Error('Unexpected end of data'))
  }

  _predestroy () {
    this._continueWrite(null)
  }

  _destroy (cb) {
    if (this._stream) this._stream.destroy(getStreamError(this))
    cb(null)
  }

  [Symbol.asyncIterator] () {
    let error = null

    let promiseResolve = null
    let promiseReject = null

    let entryStream = null
    let entryCallback = null

    const extract = this

    this.on('entry', onentry)
    this.on('error', (err) => { error = err })
    this.on('close', onclose)

    return {
      [Symbol.asyncIterator] () {
        return this
      },
      next () {
        return new Promise(onnext)
      },
      return () {
        return destroy(null)
      },
      throw (err) {
        return destroy(err)
      }
    }

    function consumeCallback (err) {
      if (!entryCallback) return
      const cb = entryCallback
      entryCallback = null
      cb(err)
    }

    function onnext (resolve, reject) {
      if (error) {
        return reject(error)
      }

      if (entryStream) {
        resolve({ value: entryStream, done: false })
        entryStream = null
        return
      }

      promiseResolve = resolve
      promiseReject = reject

      consumeCallback(null)

      if (extract._finished && promiseResolve) {
        promiseResolve({ value: undefined, done: true })
        promiseResolve = promiseReject = null
      }
    }

    function onentry (header, stream, callback) {
      entryCallback = callback
      stream.on('error', noop) // no way around this due to tick sillyness

      if (promiseResolve) {
        promiseResolve({ value: stream, done: false })
        promiseResolve = promiseReject = null
      } else {
        entryStream = stream
      }
    }

    function onclose () {
      consumeCallback(error)
      if (!promiseResolve) return
      if (error) promiseReject(error)
      else promiseResolve({ value: undefined, done: true })
      promiseResolve = promiseReject = null
    }

    function destroy (err) {
      extract.destroy(err)
      consumeCallback(err)
      return new Promise((resolve, reject) => {
        if (extract.destroyed) return resolve({ value: undefined, done: true })
        extract.once('close', function () {
          if (err) reject(err)
          else resolve({ value: undefined, done: true })
        })
      })
    }
  }
}

module.exports = function extract (opts) {
  return new Extract(opts)
}

function noop () {}

function validatePax (pax) {
  if (hasNull(pax.path) || hasNull(pax.linkpath)) throw new Error('Invalid tar header: pax path contains a null byte.')
  return pax
}

function hasNull (str) {
  return typeof str === 'string' && str.indexOf('\0') !== -1
}

function overflow (size) {
  size &= 511
  return size && 512 - size
}


/***/ }),

/***/ 8428:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

const ZEROS = '0000000000000000000'
const SEVENS = '7777777777777777777'
const ZERO_OFFSET = '0'.charCodeAt(0)
const USTAR_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x00]) // ustar\x00
const USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET])
const GNU_MAGIC = b4a.from([0x75, 0x73, 0x74, 0x61, 0x72, 0x20]) // ustar\x20
const GNU_VER = b4a.from([0x20, 0x00])
const MASK = 0o7777
const MAGIC_OFFSET = 257
const VERSION_OFFSET = 263

exports.decodeLongPath = function decodeLongPath (buf, encoding) {
  return decodeStr(buf, 0, buf.length, encoding)
}

exports.encodePax = function encodePax (opts) { // TODO: encode more stuff in pax
  let result = ''
  if (opts.name) result += addLength(' path=' + opts.name + '\n')
  if (opts.linkname) result += addLength(' linkpath=' + opts.linkname + '\n')
  const pax = opts.pax
  if (pax) {
    for (const key in pax) {
      result += addLength(' ' + key + '=' + pax[key] + '\n')
    }
  }
  return b4a.from(result)
}

exports.decodePax = function decodePax (buf) {
  const result = {}

  while (buf.length) {
    let i = 0
    while (i < buf.length && buf[i] !== 32) i++
    const len = parseInt(b4a.toString(buf.subarray(0, i)), 10)
    if (!len) return result

    const b = b4a.toString(buf.subarray(i + 1, len - 1))
    const keyIndex = b.indexOf('=')
    if (keyIndex === -1) return result
    result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1)

    buf = buf.subarray(len)
  }

  return result
}

exports.encode = function encode (opts) {
  const buf = b4a.alloc(512)
  let name = opts.name
  let prefix = ''

  if (opts.typeflag === 5 && name[name.length - 1] !== '/') name += '/'
  if (b4a.byteLength(name) !== name.length) return null // utf-8

  while (b4a.byteLength(name) > 100) {
    const i = name.indexOf('/')
    if (i === -1) return null
    prefix += prefix ? '/' + name.slice(0, i) : name.slice(0, i)
    name = name.slice(i + 1)
  }

  if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null
  if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null

  b4a.write(buf, name)
  b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100)
  b4a.write(buf, encodeOct(opts.uid, 6), 108)
  b4a.write(buf, encodeOct(opts.gid, 6), 116)
  encodeSize(opts.size, buf, 124)
  encodeSize(Math.floor(opts.mtime.getTime() / 1000) || 0, buf, 136)

  buf[156] = ZERO_OFFSET + toTypeflag(opts.type)

  if (opts.linkname) b4a.write(buf, opts.linkname, 157)

  b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET)
  b4a.copy(USTAR_VER, buf, VERSION_OFFSET)
  if (opts.uname) b4a.write(buf, opts.uname, 265)
  if (opts.gname) b4a.write(buf, opts.gname, 297)
  b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329)
  b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337)

  if (prefix) b4a.write(buf, prefix, 345)

  b4a.write(buf, encodeOct(cksum(buf), 6), 148)

  return buf
}

exports.decode = function decode (buf, filenameEncoding, allowUnknownFormat) {
  let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET

  let name = decodeStr(buf, 0, 100, filenameEncoding)
  const mode = decodeOct(buf, 100, 8)
  const uid = decodeOct(buf, 108, 8)
  const gid = decodeOct(buf, 116, 8)
  const size = decodeOct(buf, 124, 12)
  const mtime = decodeOct(buf, 136, 12)
  const type = toType(typeflag)
  const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding)
  const uname = decodeStr(buf, 265, 32)
  const gname = decodeStr(buf, 297, 32)
  const devmajor = decodeOct(buf, 329, 8)
  const devminor = decodeOct(buf, 337, 8)

  const c = cksum(buf)

  // checksum is still initial value if header was null.
  if (c === 8 * 32) return null

  // valid checksum
  if (c !== decodeOct(buf, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?')

  if (isUSTAR(buf)) {
    // ustar (posix) format.
    // prepend prefix, if present.
    if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + '/' + name
  } else if (isGNU(buf)) {
    // 'gnu'/'oldgnu' format. Similar to ustar, but has support for incremental and
    // multi-volume tarballs.
  } else {
    if (!allowUnknownFormat) {
      throw new Error('Invalid tar header: unknown format.')
    }
  }

  // to support old tar versions that use trailing / to indicate dirs
  if (typeflag === 0 && name && name[name.length - 1] === '/') typeflag = 5

  return {
    name,
    mode,
    uid,
    gid,
    size,
    byteOffset: 0,
    mtime: new Date(1000 * mtime),
    type,
    linkname,
    uname,
    gname,
    devmajor,
    devminor,
    pax: null
  }
}

function isUSTAR (buf) {
  return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6))
}

function isGNU (buf) {
  return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) &&
    b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2))
}

function clamp (index, len, defaultValue) {
  if (typeof index !== 'number') return defaultValue
  index = ~~index // Coerce to integer.
  if (index >= len) return len
  if (index >= 0) return index
  index += len
  if (index >= 0) return index
  return 0
}

function toType (flag) {
  switch (flag) {
    case 0:
      return 'file'
    case 1:
      return 'link'
    case 2:
      return 'symlink'
    case 3:
      return 'character-device'
    case 4:
      return 'block-device'
    case 5:
      return 'directory'
    case 6:
      return 'fifo'
    case 7:
      return 'contiguous-file'
    case 72:
      return 'pax-header'
    case 55:
      return 'pax-global-header'
    case 27:
      return 'gnu-long-link-path'
    case 28:
    case 30:
      return 'gnu-long-path'
  }

  return null
}

function toTypeflag (flag) {
  switch (flag) {
    case 'file':
      return 0
    case 'link':
      return 1
    case 'symlink':
      return 2
    case 'character-device':
      return 3
    case 'block-device':
      return 4
    case 'directory':
      return 5
    case 'fifo':
      return 6
    case 'contiguous-file':
      return 7
    case 'pax-header':
      return 72
  }

  return 0
}

function indexOf (block, num, offset, end) {
  for (; offset < end; offset++) {
    if (block[offset] === num) return offset
  }
  return end
}

function cksum (block) {
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]
  for (let j = 156; j < 512; j++) sum += block[j]
  return sum
}

function encodeOct (val, n) {
  val = val.toString(8)
  if (val.length > n) return SEVENS.slice(0, n) + ' '
  return ZEROS.slice(0, n - val.length) + val + ' '
}

function encodeSizeBin (num, buf, off) {
  buf[off] = num < 0 ? 0xff : 0x80
  for (let i = 11; i > 0; i--) {
    buf[off + i] = num & 0xff
    num = Math.floor(num / 0x100)
  }
}

function encodeSize (num, buf, off) {
  if (num < 0 || num.toString(8).length > 11) {
    encodeSizeBin(num, buf, off)
  } else {
    b4a.write(buf, encodeOct(num, 11), off)
  }
}

/* Copied from the node-tar repo and modified to meet
 * tar-stream coding standard.
 *
 * Source: https://github.com/npm/node-tar/blob/51b6627a1f357d2eb433e7378e5f05e83b7aa6cd/lib/header.js#L349
 */
function parse256 (buf) {
  // first byte MUST be either 80 or FF
  // 80 for positive, FF for 2's comp
  let positive
  if (buf[0] === 0x80) positive = true
  else if (buf[0] === 0xFF) positive = false
  else return null

  // build up a base-256 tuple from the least sig to the highest
  const tuple = []
  let i
  for (i = buf.length - 1; i > 0; i--) {
    const byte = buf[i]
    if (positive) tuple.push(byte)
    else tuple.push(0xFF - byte)
  }

  let sum = 0
  const l = tuple.length
  for (i = 0; i < l; i++) {
    sum += tuple[i] * Math.pow(256, i)
  }

  return positive ? sum : -(sum + 1)
}

function decodeOct (val, offset, length) {
  val = val.subarray(offset, offset + length)
  offset = 0

  // If prefixed with 0x80 then parse as a base-256 integer
  if (val[offset] & 0x80) {
    return parse256(val)
  } else {
    // Older versions of tar can prefix with spaces
    while (offset < val.length && val[offset] === 32) offset++
    const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length)
    while (offset < end && val[offset] === 0) offset++
    if (end === offset) return 0
    return parseInt(b4a.toString(val.subarray(offset, end)), 8)
  }
}

function decodeStr (val, offset, length, encoding) {
  return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding)
}

function addLength (str) {
  const len = b4a.byteLength(str)
  let digits = Math.floor(Math.log(len) / Math.log(10)) + 1
  if (len + digits >= Math.pow(10, digits)) digits++

  return (len + digits) + str
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

exports.extract = __nccwpck_require__(5763)
exports.pack = __nccwpck_require__(861)


/***/ }),

/***/ 861:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const { Readable, Writable, getStreamError } = __nccwpck_require__(6204)
const b4a = __nccwpck_require__(3057)

const constants = __nccwpck_require__(775)
const headers = __nccwpck_require__(8428)

const DMODE = 0o755
const FMODE = 0o644

const END_OF_TAR = b4a.alloc(1024)

class Sink extends Writable {
  constructor (pack, header, callback) {
    super({ mapWritable, eagerOpen: true })

    this.written = 0
    this.header = header

    this._callback = callback
    this._linkname = null
    this._isLinkname = header.type === 'symlink' && !header.linkname
    this._isVoid = header.type !== 'file' && header.type !== 'contiguous-file'
    this._finished = false
    this._pack = pack
    this._openCallback = null

    if (this._pack._stream === null) this._pack._stream = this
    else this._pack._pending.push(this)
  }

  _open (cb) {
    this._openCallback = cb
    if (this._pack._stream === this) this._continueOpen()
  }

  _continuePack (err) {
    if (this._callback === null) return

    const callback = this._callback
    this._callback = null

    callback(err)
  }

  _continueOpen () {
    if (this._pack._stream === null) this._pack._stream = this

    const cb = this._openCallback
    this._openCallback = null
    if (cb === null) return

    if (this._pack.destroying) return cb(new Error('pack stream destroyed'))
    if (this._pack._finalized) return cb(new Error('pack stream is already finalized'))

    this._pack._stream = this

    if (!this._isLinkname) {
      this._pack._encode(this.header)
    }

    if (this._isVoid && !this._isLinkname) {
      this._finish()
      this._continuePack(null)
    }

    cb(null)
  }

  _write (data, cb) {
    if (this._isLinkname) {
      this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data
      return cb(null)
    }

    if (this._isVoid) {
      if (data.byteLength > 0) {
        return cb(new Error('No body allowed for this entry'))
      }
      return cb()
    }

    this.written += data.byteLength
    if (this._pack.push(data)) return cb()
    this._pack._drain = cb
  }

  _finish () {
    if (this._finished) return
    this._finished = true

    if (this._isLinkname) {
      this.header.linkname = this._linkname ? b4a.toString(this._linkname, 'utf-8') : ''
      this._pack._encode(this.header)
    }

    overflow(this._pack, this.header.size)

    this._pack._done(this)
  }

  _final (cb) {
    if (this.written !== this.header.size) { // corrupting tar
      return cb(new Error('Size mismatch'))
    }

    this._finish()
    cb(null)
  }

  _getError () {
    return getStreamError(this) || new Error('tar entry destroyed')
  }

  _predestroy () {
    this._pack.destroy(this._getError())
  }

  _destroy (cb) {
    this._pack._done(this)

    this._continuePack(this._finished ? null : this._getError())

    cb()
  }
}

class Pack extends Readable {
  constructor (opts) {
    super(opts)
    this._drain = noop
    this._finalized = false
    this._finalizing = false
    this._pending = []
    this._stream = null
  }

  entry (header, buffer, callback) {
    if (this._finalized || this.destroying) throw new Error('already finalized or destroyed')

    if (typeof buffer === 'function') {
      callback = buffer
      buffer = null
    }

    if (!callback) callback = noop

    if (!header.size || header.type === 'symlink') header.size = 0
    if (!header.type) header.type = modeToType(header.mode)
    if (!header.mode) header.mode = header.type === 'directory' ? DMODE : FMODE
    if (!header.uid) header.uid = 0
    if (!header.gid) header.gid = 0
    if (!header.mtime) header.mtime = new Date()

    if (typeof buffer === 'string') buffer = b4a.from(buffer)

    const sink = new Sink(this, header, callback)

    if (b4a.isBuffer(buffer)) {
      header.size = buffer.byteLength
      sink.write(buffer)
      sink.end()
      return sink
    }

    if (sink._isVoid) {
      return sink
    }

    return sink
  }

  finalize () {
    if (this._stream || this._pending.length > 0) {
      this._finalizing = true
      return
    }

    if (this._finalized) return
    this._finalized = true

    this.push(END_OF_TAR)
    this.push(null)
  }

  _done (stream) {
    if (stream !== this._stream) return

    this._stream = null

    if (this._finalizing) this.finalize()
    if (this._pending.length) this._pending.shift()._continueOpen()
  }

  _encode (header) {
    if (!header.pax) {
      const buf = headers.encode(header)
      if (buf) {
        this.push(buf)
        return
      }
    }
    this._encodePax(header)
  }

  _encodePax (header) {
    const paxHeader = headers.encodePax({
      name: header.name,
      linkname: header.linkname,
      pax: header.pax
    })

    const newHeader = {
      name: 'PaxHeader',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      size: paxHeader.byteLength,
      mtime: header.mtime,
      type: 'pax-header',
      linkname: header.linkname && 'PaxHeader',
      uname: header.uname,
      gname: header.gname,
      devmajor: header.devmajor,
      devminor: header.devminor
    }

    this.push(headers.encode(newHeader))
    this.push(paxHeader)
    overflow(this, paxHeader.byteLength)

    newHeader.size = header.size
    newHeader.type = header.type
    this.push(headers.encode(newHeader))
  }

  _doDrain () {
    const drain = this._drain
    this._drain = noop
    drain()
  }

  _predestroy () {
    const err = getStreamError(this)

    if (this._stream) this._stream.destroy(err)

    while (this._pending.length) {
      const stream = this._pending.shift()
      stream.destroy(err)
      stream._continueOpen()
    }

    this._doDrain()
  }

  _read (cb) {
    this._doDrain()
    cb()
  }
}

module.exports = function pack (opts) {
  return new Pack(opts)
}

function modeToType (mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFBLK: return 'block-device'
    case constants.S_IFCHR: return 'character-device'
    case constants.S_IFDIR: return 'directory'
    case constants.S_IFIFO: return 'fifo'
    case constants.S_IFLNK: return 'symlink'
  }

  return 'file'
}

function noop () {}

function overflow (self, size) {
  size &= 511
  if (size) self.push(END_OF_TAR.subarray(0, 512 - size))
}

function mapWritable (buf) {
  return b4a.isBuffer(buf) ? buf : b4a.from(buf)
}


/***/ }),

/***/ 7934:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const PassThroughDecoder = __nccwpck_require__(7256)
const UTF8Decoder = __nccwpck_require__(6414)

module.exports = class TextDecoder {
  constructor(encoding = 'utf8') {
    this.encoding = normalizeEncoding(encoding)

    switch (this.encoding) {
      case 'utf8':
        this.decoder = new UTF8Decoder()
        break
      case 'utf16le':
      case 'base64':
        throw new Error('Unsupported encoding: ' + this.encoding)
      default:
        this.decoder = new PassThroughDecoder(this.encoding)
    }
  }

  get remaining() {
    return this.decoder.remaining
  }

  push(data) {
    if (typeof data === 'string') return data
    return this.decoder.decode(data)
  }

  // For Node.js compatibility
  write(data) {
    return this.push(data)
  }

  end(data) {
    let result = ''
    if (data) result = this.push(data)
    result += this.decoder.flush()
    return result
  }
}

function normalizeEncoding(encoding) {
  encoding = encoding.toLowerCase()

  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return 'utf8'
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le'
    case 'latin1':
    case 'binary':
      return 'latin1'
    case 'base64':
    case 'ascii':
    case 'hex':
      return encoding
    default:
      throw new Error('Unknown encoding: ' + encoding)
  }
}


/***/ }),

/***/ 7256:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

module.exports = class PassThroughDecoder {
  constructor(encoding) {
    this.encoding = encoding
  }

  get remaining() {
    return 0
  }

  decode(data) {
    return b4a.toString(data, this.encoding)
  }

  flush() {
    return ''
  }
}


/***/ }),

/***/ 6414:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

const b4a = __nccwpck_require__(3057)

/**
 * https://encoding.spec.whatwg.org/#utf-8-decoder
 */
module.exports = class UTF8Decoder {
  constructor() {
    this._reset()
  }

  get remaining() {
    return this.bytesSeen
  }

  decode(data) {
    if (data.byteLength === 0) return ''

    if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
      this.bytesSeen = trailingBytesSeen(data)
      return b4a.toString(data, 'utf8')
    }

    let result = ''
    let start = 0

    if (this.bytesNeeded > 0) {
      while (start < data.byteLength) {
        const byte = data[start]

        if (byte < this.lowerBoundary || byte > this.upperBoundary) {
          result += '\ufffd'
          this._reset()
          break
        }

        this.lowerBoundary = 0x80
        this.upperBoundary = 0xbf
        this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
        this.bytesSeen++
        start++

        if (this.bytesSeen === this.bytesNeeded) {
          result += String.fromCodePoint(this.codePoint)
          this._reset()
          break
        }
      }

      if (this.bytesNeeded > 0) return result
    }

    const trailing = trailingIncomplete(data, start)
    const end = data.byteLength - trailing

    if (end > start) result += b4a.toString(data, 'utf8', start, end)

    for (let i = end; i < data.byteLength; i++) {
      const byte = data[i]

      if (this.bytesNeeded === 0) {
        if (byte <= 0x7f) {
          this.bytesSeen = 0
          result += String.fromCharCode(byte)
        } else if (byte >= 0xc2 && byte <= 0xdf) {
          this.bytesNeeded = 2
          this.bytesSeen = 1
          this.codePoint = byte & 0x1f
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lowerBoundary = 0xa0
          else if (byte === 0xed) this.upperBoundary = 0x9f
          this.bytesNeeded = 3
          this.bytesSeen = 1
          this.codePoint = byte & 0xf
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lowerBoundary = 0x90
          else if (byte === 0xf4) this.upperBoundary = 0x8f
          this.bytesNeeded = 4
          this.bytesSeen = 1
          this.codePoint = byte & 0x7
        } else {
          this.bytesSeen = 1
          result += '\ufffd'
        }

        continue
      }

      if (byte < this.lowerBoundary || byte > this.upperBoundary) {
        result += '\ufffd'
        i--
        this._reset()

        continue
      }

      this.lowerBoundary = 0x80
      this.upperBoundary = 0xbf

      this.codePoint = (this.codePoint << 6) | (byte & 0x3f)
      this.bytesSeen++

      if (this.bytesSeen === this.bytesNeeded) {
        result += String.fromCodePoint(this.codePoint)
        this._reset()
      }
    }

    return result
  }

  flush() {
    const result = this.bytesNeeded > 0 ? '\ufffd' : ''
    this._reset()
    return result
  }

  _reset() {
    this.codePoint = 0
    this.bytesNeeded = 0
    this.bytesSeen = 0
    this.lowerBoundary = 0x80
    this.upperBoundary = 0xbf
  }
}

function trailingIncomplete(data, start) {
  const len = data.byteLength
  if (len <= start) return 0

  const limit = Math.max(start, len - 4)

  let i = len - 1
  while (i > limit && (data[i] & 0xc0) === 0x80) i--

  if (i < start) return 0

  const byte = data[i]

  let needed
  if (byte <= 0x7f) return 0
  if (byte >= 0xc2 && byte <= 0xdf) needed = 2
  else if (byte >= 0xe0 && byte <= 0xef) needed = 3
  else if (byte >= 0xf0 && byte <= 0xf4) needed = 4
  else return 0

  const available = len - i
  return available < needed ? available : 0
}

function trailingBytesSeen(data) {
  const len = data.byteLength
  if (len === 0) return 0

  const last = data[len - 1]

  if (last <= 0x7f) return 0
  if ((last & 0xc0) !== 0x80) return 1

  const limit = Math.max(0, len - 4)

  let i = len - 2
  while (i >= limit && (data[i] & 0xc0) === 0x80) i--

  if (i < 0) return 1

  const first = data[i]

  let needed
  if (first >= 0xc2 && first <= 0xdf) needed = 2
  else if (first >= 0xe0 && first <= 0xef) needed = 3
  else if (first >= 0xf0 && first <= 0xf4) needed = 4
  else return 1

  if (len - i !== needed) return 1

  if (needed >= 3) {
    const second = data[i + 1]
    if (first === 0xe0 && second < 0xa0) return 1
    if (first === 0xed && second > 0x9f) return 1
    if (first === 0xf0 && second < 0x90) return 1
    if (first === 0xf4 && second > 0x8f) return 1
  }

  return 0
}


/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/failure.ts
/**
 * A failure a user can act on: the message says what was expected, what was found and
 * what to do. Entries print only the message; any other error is a bug and keeps its stack.
 */
class Failure extends Error {
    name = 'Failure';
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/git.ts
// What a git checkout says about itself: the commit time (the reproducible epoch when
// SOURCE_DATE_EPOCH is unset) and HEAD's SHA (for `{{sha}}` and the revision label).
// No checkout, no git, or a repository git refuses to read: nothing is known, never a failure.


async function git(dir, args) {
    try {
        const { stdout } = await (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile)('git', ['-C', dir, ...args], { encoding: 'utf8', timeout: 10_000 });
        return stdout.trim();
    }
    catch {
        return undefined;
    }
}
/** Seconds since 1970 of HEAD's commit in `dir`'s checkout. */
async function commitEpoch(dir) {
    const out = await git(dir, ['log', '-1', '--format=%ct']);
    return out && /^\d+$/.test(out) ? Number(out) : undefined;
}
/** The full SHA of HEAD in `dir`'s checkout. */
async function headSha(dir) {
    const out = await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    return out && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(out) ? out : undefined;
}

;// CONCATENATED MODULE: ./src/build/toolchain.ts
// Which compiler, strip and libraries build thttpd for a platform on this host: native
// when the architectures match, else the Debian/Ubuntu cross toolchain. Pure, so the
// whole matrix is a unit test.

const ARCHES = {
    amd64: { triplet: 'x86_64-linux-gnu', fileName: 'x86-64', qemu: 'qemu-x86_64-static', crossPackage: 'gcc-x86-64-linux-gnu', crossLibc: 'libc6-dev-amd64-cross' },
    arm64: { triplet: 'aarch64-linux-gnu', fileName: 'ARM aarch64', qemu: 'qemu-aarch64-static', crossPackage: 'gcc-aarch64-linux-gnu', crossLibc: 'libc6-dev-arm64-cross' },
};
function archOf(platform) {
    return platform === 'linux/arm64' ? 'arm64' : 'amd64';
}
function hostArch(nodeArch) {
    if (nodeArch === 'x64')
        return 'amd64';
    if (nodeArch === 'arm64')
        return 'arm64';
    throw new Failure(`static-thttpd builds on x86-64 or arm64 Linux hosts, and this machine is ${nodeArch}: run it on an x86-64 or arm64 machine (it still builds both platforms)`);
}
const BASE = [
    { need: 'make', apt: 'make' },
    { need: 'file', apt: 'file' },
    { need: 'patch', apt: 'patch' },
];
/** `name` says how messages name the inputs (`--libc` or `input "libc"`). */
function planToolchain(platform, libc, host, name) {
    const arch = archOf(platform);
    const info = ARCHES[arch];
    const native = arch === host;
    if (libc === 'musl') {
        if (!native) {
            throw new Failure(`${name('libc')} musl builds only for this machine's own platform (linux/${host}), not ${platform}: Debian/Ubuntu ship no musl cross compiler. Build ${platform} with musl on a ${arch} runner (e.g. ubuntu-24.04-arm), or set ${name('libc')} glibc`);
        }
        // musl-gcc is a script that runs the host's TRIPLET-gcc (from the gcc package), and
        // musl-tools does not depend on gcc: without it, configure only says it cannot compile.
        return {
            platform, libc, cc: 'musl-gcc', strip: 'strip', ldflags: [],
            requirements: [...BASE, { need: `${info.triplet}-gcc`, apt: 'gcc' }, { need: 'musl-gcc', apt: 'musl-tools' }, { need: 'strip', apt: 'binutils' }],
        };
    }
    if (native) {
        return {
            platform, libc, cc: 'gcc', strip: 'strip', ldflags: [],
            requirements: [...BASE, { need: 'gcc', apt: 'gcc' }, { need: 'strip', apt: 'binutils' }, { need: '/usr/include/crypt.h', apt: 'libcrypt-dev' }],
        };
    }
    // thttpd links -lcrypt; the cross packages carry no libcrypt.a, the target's own libcrypt-dev does.
    const libdir = `/usr/lib/${info.triplet}`;
    return {
        platform, libc,
        cc: `${info.triplet}-gcc`,
        strip: `${info.triplet}-strip`,
        host: info.triplet,
        ldflags: [`-L${libdir}`],
        emulator: info.qemu,
        requirements: [
            ...BASE,
            { need: `${info.triplet}-gcc`, apt: info.crossPackage },
            { need: `/usr/${info.triplet}/include/stdio.h`, apt: info.crossLibc },
            { need: `${libdir}/libcrypt.a`, apt: `libcrypt-dev:${arch}` },
            { need: info.qemu, apt: 'qemu-user-static', optional: true },
        ],
    };
}

;// CONCATENATED MODULE: ./src/host.ts
// What the build needs to know about the machine it runs on, read once by an entry.


async function readHostSystem(env) {
    return {
        env,
        isRoot: process.getuid?.() === 0,
        arch: hostArch(process.arch),
        osRelease: await (0,promises_namespaceObject.readFile)('/etc/os-release', 'utf8').catch(() => ''),
    };
}
/** process.env without its undefined holes, as child processes take it. */
function plainEnv(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/registry/blob-locations.ts
// Which repositories of a registry hold a blob, as far as we pushed or saw it. A registry
// can link a blob from one repository into another without the bytes travelling again
// (a cross-repository mount), but only if we name where it already is: it keeps no index
// we may query. A JSON file is enough to carry that memory between runs (or caches).




/** Kept small: a long-lived cache should not grow without bound. */
const MAX_REPOSITORIES_PER_BLOB = 8;
class JsonFileBlobLocations {
    file;
    data;
    constructor(file) {
        this.file = file;
    }
    async load() {
        if (this.data)
            return this.data;
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(this.file, 'utf8');
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
        this.data = { version: 1, registries: {} };
        if (text !== undefined) {
            try {
                const parsed = JSON.parse(text);
                if (parsed.version === 1 && parsed.registries && typeof parsed.registries === 'object')
                    this.data = parsed;
            }
            catch {
                // A damaged cache costs only uploads: start afresh rather than fail the push.
            }
        }
        return this.data;
    }
    async repositoriesWith(registry, digest) {
        const data = await this.load();
        const repos = data.registries[registry]?.[digest];
        return Array.isArray(repos) ? repos.filter((r) => typeof r === 'string') : [];
    }
    async record(registry, digest, repository) {
        const data = await this.load();
        const byDigest = (data.registries[registry] ??= {});
        const repos = (byDigest[digest] ??= []);
        if (repos[0] === repository)
            return;
        // Most recent first: the likeliest to still exist next time.
        byDigest[digest] = [repository, ...repos.filter((r) => r !== repository)].slice(0, MAX_REPOSITORIES_PER_BLOB);
        await this.save(data);
    }
    async save(data) {
        try {
            await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(this.file), { recursive: true });
            // Write then rename, so a crash leaves the old file rather than half a new one. The
            // temporary name is unique per write: two stores (or two saves) in one process on one
            // file must not write one temporary file and rename it from under each other.
            const temporary = `${this.file}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`;
            try {
                await (0,promises_namespaceObject.writeFile)(temporary, `${JSON.stringify(data, null, 2)}\n`);
                await (0,promises_namespaceObject.rename)(temporary, this.file);
            }
            finally {
                await (0,promises_namespaceObject.rm)(temporary, { force: true });
            }
        }
        catch (error) {
            throw new Failure(`Expected to write the blob-location cache ${this.file}, found: ${error.message}. Point it at a writable path or leave it out.`);
        }
    }
}
/** Remembers within one run only: the default when no file is given. */
class MemoryBlobLocations {
    map = new Map();
    async repositoriesWith(registry, digest) {
        return this.map.get(`${registry} ${digest}`) ?? [];
    }
    async record(registry, digest, repository) {
        const key = `${registry} ${digest}`;
        this.map.set(key, [repository, ...(this.map.get(key) ?? []).filter((r) => r !== repository)]);
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./node_modules/pako/dist/pako.mjs
//#region src/zlib/trees.mjs
var Z_FIXED$1 = 4;
var Z_BINARY = 0;
var Z_TEXT = 1;
var Z_UNKNOWN = 2;
function zero$1(buf) {
	let len = buf.length;
	while (--len >= 0) buf[len] = 0;
}
var STORED_BLOCK = 0;
var STATIC_TREES = 1;
var DYN_TREES = 2;
var LENGTH_CODES = 29;
var LITERALS = 256;
var L_CODES = 286;
var D_CODES = 30;
var BL_CODES = 19;
var HEAP_SIZE$1 = 573;
var MAX_BITS = 15;
var Buf_size = 16;
var MAX_BL_BITS = 7;
var END_BLOCK = 256;
var REP_3_6 = 16;
var REPZ_3_10 = 17;
var REPZ_11_138 = 18;
var extra_lbits = new Uint8Array([
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	1,
	1,
	1,
	1,
	2,
	2,
	2,
	2,
	3,
	3,
	3,
	3,
	4,
	4,
	4,
	4,
	5,
	5,
	5,
	5,
	0
]);
var extra_dbits = new Uint8Array([
	0,
	0,
	0,
	0,
	1,
	1,
	2,
	2,
	3,
	3,
	4,
	4,
	5,
	5,
	6,
	6,
	7,
	7,
	8,
	8,
	9,
	9,
	10,
	10,
	11,
	11,
	12,
	12,
	13,
	13
]);
var extra_blbits = new Uint8Array([
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	0,
	2,
	3,
	7
]);
var bl_order = new Uint8Array([
	16,
	17,
	18,
	0,
	8,
	7,
	9,
	6,
	10,
	5,
	11,
	4,
	12,
	3,
	13,
	2,
	14,
	1,
	15
]);
var DIST_CODE_LEN = 512;
var static_ltree = new Array(288 * 2);
zero$1(static_ltree);
var static_dtree = new Array(D_CODES * 2);
zero$1(static_dtree);
var _dist_code = new Array(DIST_CODE_LEN);
zero$1(_dist_code);
var _length_code = new Array(256);
zero$1(_length_code);
var base_length = new Array(LENGTH_CODES);
zero$1(base_length);
var base_dist = new Array(D_CODES);
zero$1(base_dist);
var StaticTreeDesc = class {
	constructor(static_tree, extra_bits, extra_base, elems, max_length) {
		this.static_tree = static_tree;
		this.extra_bits = extra_bits;
		this.extra_base = extra_base;
		this.elems = elems;
		this.max_length = max_length;
		this.has_stree = static_tree && static_tree.length;
	}
};
var static_l_desc;
var static_d_desc;
var static_bl_desc;
var TreeDesc = class {
	constructor(dyn_tree, stat_desc) {
		this.dyn_tree = dyn_tree;
		this.max_code = 0;
		this.stat_desc = stat_desc;
	}
};
var d_code = (dist) => {
	return dist < 256 ? _dist_code[dist] : _dist_code[256 + (dist >>> 7)];
};
var put_short = (s, w) => {
	s.pending_buf[s.pending++] = w & 255;
	s.pending_buf[s.pending++] = w >>> 8 & 255;
};
var send_bits = (s, value, length) => {
	if (s.bi_valid > Buf_size - length) {
		s.bi_buf |= value << s.bi_valid & 65535;
		put_short(s, s.bi_buf);
		s.bi_buf = value >> Buf_size - s.bi_valid;
		s.bi_valid += length - Buf_size;
	} else {
		s.bi_buf |= value << s.bi_valid & 65535;
		s.bi_valid += length;
	}
};
var send_code = (s, c, tree) => {
	send_bits(s, tree[c * 2], tree[c * 2 + 1]);
};
var bi_reverse = (code, len) => {
	let res = 0;
	do {
		res |= code & 1;
		code >>>= 1;
		res <<= 1;
	} while (--len > 0);
	return res >>> 1;
};
var bi_flush = (s) => {
	if (s.bi_valid === 16) {
		put_short(s, s.bi_buf);
		s.bi_buf = 0;
		s.bi_valid = 0;
	} else if (s.bi_valid >= 8) {
		s.pending_buf[s.pending++] = s.bi_buf & 255;
		s.bi_buf >>= 8;
		s.bi_valid -= 8;
	}
};
var gen_bitlen = (s, desc) => {
	const tree = desc.dyn_tree;
	const max_code = desc.max_code;
	const stree = desc.stat_desc.static_tree;
	const has_stree = desc.stat_desc.has_stree;
	const extra = desc.stat_desc.extra_bits;
	const base = desc.stat_desc.extra_base;
	const max_length = desc.stat_desc.max_length;
	let h;
	let n, m;
	let bits;
	let xbits;
	let f;
	let overflow = 0;
	for (bits = 0; bits <= MAX_BITS; bits++) s.bl_count[bits] = 0;
	tree[s.heap[s.heap_max] * 2 + 1] = 0;
	for (h = s.heap_max + 1; h < HEAP_SIZE$1; h++) {
		n = s.heap[h];
		bits = tree[tree[n * 2 + 1] * 2 + 1] + 1;
		if (bits > max_length) {
			bits = max_length;
			overflow++;
		}
		tree[n * 2 + 1] = bits;
		if (n > max_code) continue;
		s.bl_count[bits]++;
		xbits = 0;
		if (n >= base) xbits = extra[n - base];
		f = tree[n * 2];
		s.opt_len += f * (bits + xbits);
		if (has_stree) s.static_len += f * (stree[n * 2 + 1] + xbits);
	}
	if (overflow === 0) return;
	do {
		bits = max_length - 1;
		while (s.bl_count[bits] === 0) bits--;
		s.bl_count[bits]--;
		s.bl_count[bits + 1] += 2;
		s.bl_count[max_length]--;
		overflow -= 2;
	} while (overflow > 0);
	for (bits = max_length; bits !== 0; bits--) {
		n = s.bl_count[bits];
		while (n !== 0) {
			m = s.heap[--h];
			if (m > max_code) continue;
			if (tree[m * 2 + 1] !== bits) {
				s.opt_len += (bits - tree[m * 2 + 1]) * tree[m * 2];
				tree[m * 2 + 1] = bits;
			}
			n--;
		}
	}
};
var gen_codes = (tree, max_code, bl_count) => {
	const next_code = new Array(16);
	let code = 0;
	let bits;
	let n;
	for (bits = 1; bits <= MAX_BITS; bits++) {
		code = code + bl_count[bits - 1] << 1;
		next_code[bits] = code;
	}
	for (n = 0; n <= max_code; n++) {
		let len = tree[n * 2 + 1];
		if (len === 0) continue;
		tree[n * 2] = bi_reverse(next_code[len]++, len);
	}
};
var tr_static_init = () => {
	let n;
	let bits;
	let length;
	let code;
	let dist;
	const bl_count = new Array(16);
	length = 0;
	for (code = 0; code < LENGTH_CODES - 1; code++) {
		base_length[code] = length;
		for (n = 0; n < 1 << extra_lbits[code]; n++) _length_code[length++] = code;
	}
	_length_code[length - 1] = code;
	dist = 0;
	for (code = 0; code < 16; code++) {
		base_dist[code] = dist;
		for (n = 0; n < 1 << extra_dbits[code]; n++) _dist_code[dist++] = code;
	}
	dist >>= 7;
	for (; code < D_CODES; code++) {
		base_dist[code] = dist << 7;
		for (n = 0; n < 1 << extra_dbits[code] - 7; n++) _dist_code[256 + dist++] = code;
	}
	for (bits = 0; bits <= MAX_BITS; bits++) bl_count[bits] = 0;
	n = 0;
	while (n <= 143) {
		static_ltree[n * 2 + 1] = 8;
		n++;
		bl_count[8]++;
	}
	while (n <= 255) {
		static_ltree[n * 2 + 1] = 9;
		n++;
		bl_count[9]++;
	}
	while (n <= 279) {
		static_ltree[n * 2 + 1] = 7;
		n++;
		bl_count[7]++;
	}
	while (n <= 287) {
		static_ltree[n * 2 + 1] = 8;
		n++;
		bl_count[8]++;
	}
	gen_codes(static_ltree, 287, bl_count);
	for (n = 0; n < D_CODES; n++) {
		static_dtree[n * 2 + 1] = 5;
		static_dtree[n * 2] = bi_reverse(n, 5);
	}
	static_l_desc = new StaticTreeDesc(static_ltree, extra_lbits, 257, L_CODES, MAX_BITS);
	static_d_desc = new StaticTreeDesc(static_dtree, extra_dbits, 0, D_CODES, MAX_BITS);
	static_bl_desc = new StaticTreeDesc(new Array(0), extra_blbits, 0, BL_CODES, MAX_BL_BITS);
};
var init_block = (s) => {
	let n;
	for (n = 0; n < L_CODES; n++) s.dyn_ltree[n * 2] = 0;
	for (n = 0; n < D_CODES; n++) s.dyn_dtree[n * 2] = 0;
	for (n = 0; n < BL_CODES; n++) s.bl_tree[n * 2] = 0;
	s.dyn_ltree[END_BLOCK * 2] = 1;
	s.opt_len = s.static_len = 0;
	s.sym_next = s.matches = 0;
};
var bi_windup = (s) => {
	if (s.bi_valid > 8) put_short(s, s.bi_buf);
	else if (s.bi_valid > 0) s.pending_buf[s.pending++] = s.bi_buf;
	s.bi_buf = 0;
	s.bi_valid = 0;
};
var smaller = (tree, n, m, depth) => {
	const _n2 = n * 2;
	const _m2 = m * 2;
	return tree[_n2] < tree[_m2] || tree[_n2] === tree[_m2] && depth[n] <= depth[m];
};
var pqdownheap = (s, tree, k) => {
	const v = s.heap[k];
	let j = k << 1;
	while (j <= s.heap_len) {
		if (j < s.heap_len && smaller(tree, s.heap[j + 1], s.heap[j], s.depth)) j++;
		if (smaller(tree, v, s.heap[j], s.depth)) break;
		s.heap[k] = s.heap[j];
		k = j;
		j <<= 1;
	}
	s.heap[k] = v;
};
var compress_block = (s, ltree, dtree) => {
	let dist;
	let lc;
	let sx = 0;
	let code;
	let extra;
	if (s.sym_next !== 0) do {
		dist = s.pending_buf[s.sym_buf + sx++] & 255;
		dist += (s.pending_buf[s.sym_buf + sx++] & 255) << 8;
		lc = s.pending_buf[s.sym_buf + sx++];
		if (dist === 0) send_code(s, lc, ltree);
		else {
			code = _length_code[lc];
			send_code(s, code + LITERALS + 1, ltree);
			extra = extra_lbits[code];
			if (extra !== 0) {
				lc -= base_length[code];
				send_bits(s, lc, extra);
			}
			dist--;
			code = d_code(dist);
			send_code(s, code, dtree);
			extra = extra_dbits[code];
			if (extra !== 0) {
				dist -= base_dist[code];
				send_bits(s, dist, extra);
			}
		}
	} while (sx < s.sym_next);
	send_code(s, END_BLOCK, ltree);
};
var build_tree = (s, desc) => {
	const tree = desc.dyn_tree;
	const stree = desc.stat_desc.static_tree;
	const has_stree = desc.stat_desc.has_stree;
	const elems = desc.stat_desc.elems;
	let n, m;
	let max_code = -1;
	let node;
	s.heap_len = 0;
	s.heap_max = HEAP_SIZE$1;
	for (n = 0; n < elems; n++) if (tree[n * 2] !== 0) {
		s.heap[++s.heap_len] = max_code = n;
		s.depth[n] = 0;
	} else tree[n * 2 + 1] = 0;
	while (s.heap_len < 2) {
		node = s.heap[++s.heap_len] = max_code < 2 ? ++max_code : 0;
		tree[node * 2] = 1;
		s.depth[node] = 0;
		s.opt_len--;
		if (has_stree) s.static_len -= stree[node * 2 + 1];
	}
	desc.max_code = max_code;
	for (n = s.heap_len >> 1; n >= 1; n--) pqdownheap(s, tree, n);
	node = elems;
	do {
		/*** pqremove ***/
		n = s.heap[1];
		s.heap[1] = s.heap[s.heap_len--];
		pqdownheap(s, tree, 1);
		m = s.heap[1];
		s.heap[--s.heap_max] = n;
		s.heap[--s.heap_max] = m;
		tree[node * 2] = tree[n * 2] + tree[m * 2];
		s.depth[node] = (s.depth[n] >= s.depth[m] ? s.depth[n] : s.depth[m]) + 1;
		tree[n * 2 + 1] = tree[m * 2 + 1] = node;
		s.heap[1] = node++;
		pqdownheap(s, tree, 1);
	} while (s.heap_len >= 2);
	s.heap[--s.heap_max] = s.heap[1];
	gen_bitlen(s, desc);
	gen_codes(tree, max_code, s.bl_count);
};
var scan_tree = (s, tree, max_code) => {
	let n;
	let prevlen = -1;
	let curlen;
	let nextlen = tree[1];
	let count = 0;
	let max_count = 7;
	let min_count = 4;
	if (nextlen === 0) {
		max_count = 138;
		min_count = 3;
	}
	tree[(max_code + 1) * 2 + 1] = 65535;
	for (n = 0; n <= max_code; n++) {
		curlen = nextlen;
		nextlen = tree[(n + 1) * 2 + 1];
		if (++count < max_count && curlen === nextlen) continue;
		else if (count < min_count) s.bl_tree[curlen * 2] += count;
		else if (curlen !== 0) {
			if (curlen !== prevlen) s.bl_tree[curlen * 2]++;
			s.bl_tree[REP_3_6 * 2]++;
		} else if (count <= 10) s.bl_tree[REPZ_3_10 * 2]++;
		else s.bl_tree[REPZ_11_138 * 2]++;
		count = 0;
		prevlen = curlen;
		if (nextlen === 0) {
			max_count = 138;
			min_count = 3;
		} else if (curlen === nextlen) {
			max_count = 6;
			min_count = 3;
		} else {
			max_count = 7;
			min_count = 4;
		}
	}
};
var send_tree = (s, tree, max_code) => {
	let n;
	let prevlen = -1;
	let curlen;
	let nextlen = tree[1];
	let count = 0;
	let max_count = 7;
	let min_count = 4;
	if (nextlen === 0) {
		max_count = 138;
		min_count = 3;
	}
	for (n = 0; n <= max_code; n++) {
		curlen = nextlen;
		nextlen = tree[(n + 1) * 2 + 1];
		if (++count < max_count && curlen === nextlen) continue;
		else if (count < min_count) do
			send_code(s, curlen, s.bl_tree);
		while (--count !== 0);
		else if (curlen !== 0) {
			if (curlen !== prevlen) {
				send_code(s, curlen, s.bl_tree);
				count--;
			}
			send_code(s, REP_3_6, s.bl_tree);
			send_bits(s, count - 3, 2);
		} else if (count <= 10) {
			send_code(s, REPZ_3_10, s.bl_tree);
			send_bits(s, count - 3, 3);
		} else {
			send_code(s, REPZ_11_138, s.bl_tree);
			send_bits(s, count - 11, 7);
		}
		count = 0;
		prevlen = curlen;
		if (nextlen === 0) {
			max_count = 138;
			min_count = 3;
		} else if (curlen === nextlen) {
			max_count = 6;
			min_count = 3;
		} else {
			max_count = 7;
			min_count = 4;
		}
	}
};
var build_bl_tree = (s) => {
	let max_blindex;
	scan_tree(s, s.dyn_ltree, s.l_desc.max_code);
	scan_tree(s, s.dyn_dtree, s.d_desc.max_code);
	build_tree(s, s.bl_desc);
	for (max_blindex = BL_CODES - 1; max_blindex >= 3; max_blindex--) if (s.bl_tree[bl_order[max_blindex] * 2 + 1] !== 0) break;
	s.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4;
	return max_blindex;
};
var send_all_trees = (s, lcodes, dcodes, blcodes) => {
	let rank;
	send_bits(s, lcodes - 257, 5);
	send_bits(s, dcodes - 1, 5);
	send_bits(s, blcodes - 4, 4);
	for (rank = 0; rank < blcodes; rank++) send_bits(s, s.bl_tree[bl_order[rank] * 2 + 1], 3);
	send_tree(s, s.dyn_ltree, lcodes - 1);
	send_tree(s, s.dyn_dtree, dcodes - 1);
};
var detect_data_type = (s) => {
	let block_mask = 4093624447;
	let n;
	for (n = 0; n <= 31; n++, block_mask >>>= 1) if (block_mask & 1 && s.dyn_ltree[n * 2] !== 0) return Z_BINARY;
	if (s.dyn_ltree[18] !== 0 || s.dyn_ltree[20] !== 0 || s.dyn_ltree[26] !== 0) return Z_TEXT;
	for (n = 32; n < LITERALS; n++) if (s.dyn_ltree[n * 2] !== 0) return Z_TEXT;
	return Z_BINARY;
};
var static_init_done = false;
var _tr_init = (s) => {
	if (!static_init_done) {
		tr_static_init();
		static_init_done = true;
	}
	s.l_desc = new TreeDesc(s.dyn_ltree, static_l_desc);
	s.d_desc = new TreeDesc(s.dyn_dtree, static_d_desc);
	s.bl_desc = new TreeDesc(s.bl_tree, static_bl_desc);
	s.bi_buf = 0;
	s.bi_valid = 0;
	init_block(s);
};
var _tr_stored_block = (s, buf, stored_len, last) => {
	send_bits(s, (STORED_BLOCK << 1) + (last ? 1 : 0), 3);
	bi_windup(s);
	put_short(s, stored_len);
	put_short(s, ~stored_len);
	if (stored_len) s.pending_buf.set(s.window.subarray(buf, buf + stored_len), s.pending);
	s.pending += stored_len;
};
var _tr_align = (s) => {
	send_bits(s, STATIC_TREES << 1, 3);
	send_code(s, END_BLOCK, static_ltree);
	bi_flush(s);
};
var _tr_flush_block = (s, buf, stored_len, last) => {
	let opt_lenb, static_lenb;
	let max_blindex = 0;
	if (s.level > 0) {
		if (s.strm.data_type === Z_UNKNOWN) s.strm.data_type = detect_data_type(s);
		build_tree(s, s.l_desc);
		build_tree(s, s.d_desc);
		max_blindex = build_bl_tree(s);
		opt_lenb = s.opt_len + 3 + 7 >>> 3;
		static_lenb = s.static_len + 3 + 7 >>> 3;
		if (static_lenb <= opt_lenb || s.strategy === Z_FIXED$1) opt_lenb = static_lenb;
	} else opt_lenb = static_lenb = stored_len + 5;
	if (stored_len + 4 <= opt_lenb && buf !== -1) _tr_stored_block(s, buf, stored_len, last);
	else if (s.strategy === Z_FIXED$1 || static_lenb === opt_lenb) {
		send_bits(s, (STATIC_TREES << 1) + (last ? 1 : 0), 3);
		compress_block(s, static_ltree, static_dtree);
	} else {
		send_bits(s, (DYN_TREES << 1) + (last ? 1 : 0), 3);
		send_all_trees(s, s.l_desc.max_code + 1, s.d_desc.max_code + 1, max_blindex + 1);
		compress_block(s, s.dyn_ltree, s.dyn_dtree);
	}
	init_block(s);
	if (last) bi_windup(s);
};
var _tr_tally = (s, dist, lc) => {
	s.pending_buf[s.sym_buf + s.sym_next++] = dist;
	s.pending_buf[s.sym_buf + s.sym_next++] = dist >> 8;
	s.pending_buf[s.sym_buf + s.sym_next++] = lc;
	if (dist === 0) s.dyn_ltree[lc * 2]++;
	else {
		s.matches++;
		dist--;
		s.dyn_ltree[(_length_code[lc] + LITERALS + 1) * 2]++;
		s.dyn_dtree[d_code(dist) * 2]++;
	}
	return s.sym_next === s.sym_end;
};
//#endregion
//#region src/zlib/adler32.mjs
var adler32 = (adler, buf, len, pos) => {
	let s1 = adler & 65535 | 0, s2 = adler >>> 16 & 65535 | 0, n = 0;
	while (len !== 0) {
		n = len > 2e3 ? 2e3 : len;
		len -= n;
		do {
			s1 = s1 + buf[pos++] | 0;
			s2 = s2 + s1 | 0;
		} while (--n);
		s1 %= 65521;
		s2 %= 65521;
	}
	return s1 | s2 << 16 | 0;
};
//#endregion
//#region src/zlib/crc32.mjs
var makeTable = () => {
	const table = new Uint32Array(256 * 8);
	let c;
	for (let n = 0; n < 256; n++) {
		c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
		table[n] = c;
	}
	for (let n = 0; n < 256; n++) {
		c = table[n];
		for (let k = 256; k < 256 * 8; k += 256) {
			c = table[c & 255] ^ c >>> 8;
			table[k + n] = c;
		}
	}
	return table;
};
var crcTable = makeTable();
var crc32 = (crc, buf, len, pos) => {
	const t = crcTable;
	const end = pos + len;
	let i = pos;
	crc ^= -1;
	for (const end8 = end - 7; i < end8; i += 8) {
		crc ^= buf[i] | buf[i + 1] << 8 | buf[i + 2] << 16 | buf[i + 3] << 24;
		crc = t[1792 + (crc & 255)] ^ t[1536 + (crc >>> 8 & 255)] ^ t[1280 + (crc >>> 16 & 255)] ^ t[1024 + (crc >>> 24)] ^ t[768 + buf[i + 4]] ^ t[512 + buf[i + 5]] ^ t[256 + buf[i + 6]] ^ t[buf[i + 7]];
	}
	for (; i < end; i++) crc = crc >>> 8 ^ t[(crc ^ buf[i]) & 255];
	return crc ^ -1;
};
//#endregion
//#region src/zlib/messages.mjs
var messages_default = {
	2: "need dictionary",
	1: "stream end",
	0: "",
	"-1": "file error",
	"-2": "stream error",
	"-3": "data error",
	"-4": "insufficient memory",
	"-5": "buffer error",
	"-6": "incompatible version"
};
//#endregion
//#region src/zlib/constants.mjs
var Z_NO_FLUSH = 0;
var Z_PARTIAL_FLUSH = 1;
var Z_SYNC_FLUSH = 2;
var Z_FULL_FLUSH = 3;
var Z_FINISH = 4;
var Z_BLOCK = 5;
var Z_TREES = 6;
var Z_OK = 0;
var Z_STREAM_END = 1;
var Z_NEED_DICT = 2;
var Z_ERRNO = (/* unused pure expression or super */ null && (-1));
var Z_STREAM_ERROR = (/* unused pure expression or super */ null && (-2));
var Z_DATA_ERROR = (/* unused pure expression or super */ null && (-3));
var Z_MEM_ERROR = (/* unused pure expression or super */ null && (-4));
var Z_BUF_ERROR = (/* unused pure expression or super */ null && (-5));
var Z_FILTERED = 1;
var Z_HUFFMAN_ONLY = 2;
var Z_RLE = 3;
var Z_FIXED = 4;
var Z_DEFAULT_STRATEGY = 0;
//#endregion
//#region src/zlib/deflate.mjs
var MAX_MEM_LEVEL = 9;
var MAX_WBITS = 15;
var DEF_MEM_LEVEL = 8;
var HEAP_SIZE = 573;
var MIN_MATCH = 3;
var MAX_MATCH = 258;
var MIN_LOOKAHEAD = 262;
var PRESET_DICT = 32;
var INIT_STATE = 42;
var GZIP_STATE = 57;
var EXTRA_STATE = 69;
var NAME_STATE = 73;
var COMMENT_STATE = 91;
var HCRC_STATE = 103;
var BUSY_STATE = 113;
var FINISH_STATE = 666;
var BS_NEED_MORE = 1;
var BS_BLOCK_DONE = 2;
var BS_FINISH_STARTED = 3;
var BS_FINISH_DONE = 4;
var OS_CODE = 3;
var err = (strm, errorCode) => {
	strm.msg = messages_default[errorCode];
	return errorCode;
};
var rank = (f) => {
	return f * 2 - (f > 4 ? 9 : 0);
};
var zero = (buf) => {
	let len = buf.length;
	while (--len >= 0) buf[len] = 0;
};
var slide_hash = (s) => {
	let n, m;
	let p;
	let wsize = s.w_size;
	n = s.hash_size;
	p = n;
	do {
		m = s.head[--p];
		s.head[p] = m >= wsize ? m - wsize : 0;
	} while (--n);
	n = wsize;
	p = n;
	do {
		m = s.prev[--p];
		s.prev[p] = m >= wsize ? m - wsize : 0;
	} while (--n);
};
var HASH = (s, prev, data) => (prev << s.hash_shift ^ data) & s.hash_mask;
var INSERT_STRING = (s, str) => {
	let h;
	if (s.legacy_hash) h = s.ins_h = HASH(s, s.ins_h, s.window[str + MIN_MATCH - 1]);
	else {
		const w = s.window;
		const value = w[str] | w[str + 1] << 8 | w[str + 2] << 16 | w[str + 3] << 24;
		h = s.ins_h = Math.imul(value, 66521) + 66521 >>> 16 & s.hash_mask;
	}
	const hash_head = s.prev[str & s.w_mask] = s.head[h];
	s.head[h] = str;
	return hash_head;
};
var flush_pending = (strm) => {
	const s = strm.state;
	let len = s.pending;
	if (len > strm.avail_out) len = strm.avail_out;
	if (len === 0) return;
	strm.output.set(s.pending_buf.subarray(s.pending_out, s.pending_out + len), strm.next_out);
	strm.next_out += len;
	s.pending_out += len;
	strm.total_out += len;
	strm.avail_out -= len;
	s.pending -= len;
	if (s.pending === 0) s.pending_out = 0;
};
var flush_block_only = (s, last) => {
	_tr_flush_block(s, s.block_start >= 0 ? s.block_start : -1, s.strstart - s.block_start, last);
	s.block_start = s.strstart;
	flush_pending(s.strm);
};
var put_byte = (s, b) => {
	s.pending_buf[s.pending++] = b;
};
var putShortMSB = (s, b) => {
	s.pending_buf[s.pending++] = b >>> 8 & 255;
	s.pending_buf[s.pending++] = b & 255;
};
var read_buf = (strm, buf, start, size) => {
	let len = strm.avail_in;
	if (len > size) len = size;
	if (len === 0) return 0;
	strm.avail_in -= len;
	buf.set(strm.input.subarray(strm.next_in, strm.next_in + len), start);
	if (strm.state.wrap === 1) strm.adler = adler32(strm.adler, buf, len, start);
	else if (strm.state.wrap === 2) strm.adler = crc32(strm.adler, buf, len, start);
	strm.next_in += len;
	strm.total_in += len;
	return len;
};
var longest_match = (s, cur_match) => {
	let chain_length = s.max_chain_length;
	let scan = s.strstart;
	let match;
	let len;
	let best_len = s.prev_length;
	let nice_match = s.nice_match;
	const limit = s.strstart > s.w_size - MIN_LOOKAHEAD ? s.strstart - (s.w_size - MIN_LOOKAHEAD) : 0;
	const _win = s.window;
	const wmask = s.w_mask;
	const prev = s.prev;
	const strend = s.strstart + MAX_MATCH;
	let scan_end1 = _win[scan + best_len - 1];
	let scan_end = _win[scan + best_len];
	if (s.prev_length >= s.good_match) chain_length >>= 2;
	if (nice_match > s.lookahead) nice_match = s.lookahead;
	do {
		match = cur_match;
		if (_win[match + best_len] !== scan_end || _win[match + best_len - 1] !== scan_end1 || _win[match] !== _win[scan] || _win[++match] !== _win[scan + 1]) continue;
		scan += 2;
		match++;
		do		;
while (_win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && scan < strend);
		len = MAX_MATCH - (strend - scan);
		scan = strend - MAX_MATCH;
		if (len > best_len) {
			s.match_start = cur_match;
			best_len = len;
			if (len >= nice_match) break;
			scan_end1 = _win[scan + best_len - 1];
			scan_end = _win[scan + best_len];
		}
	} while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length !== 0);
	if (best_len <= s.lookahead) return best_len;
	return s.lookahead;
};
var fill_window = (s) => {
	const _w_size = s.w_size;
	let n, more, str;
	do {
		more = s.window_size - s.lookahead - s.strstart;
		if (s.strstart >= _w_size + (_w_size - MIN_LOOKAHEAD)) {
			s.window.set(s.window.subarray(_w_size, _w_size + _w_size - more), 0);
			s.match_start -= _w_size;
			s.strstart -= _w_size;
			s.block_start -= _w_size;
			if (s.insert > s.strstart) s.insert = s.strstart;
			slide_hash(s);
			more += _w_size;
		}
		if (s.strm.avail_in === 0) break;
		n = read_buf(s.strm, s.window, s.strstart + s.lookahead, more);
		s.lookahead += n;
		if (!s.legacy_hash) {
			if (s.lookahead + s.insert > MIN_MATCH) {
				str = s.strstart - s.insert;
				while (s.insert) {
					INSERT_STRING(s, str);
					str++;
					s.insert--;
					if (s.lookahead + s.insert <= MIN_MATCH) break;
				}
			}
		} else if (s.lookahead + s.insert >= MIN_MATCH) {
			str = s.strstart - s.insert;
			s.ins_h = s.window[str];
			s.ins_h = HASH(s, s.ins_h, s.window[str + 1]);
			while (s.insert) {
				INSERT_STRING(s, str);
				str++;
				s.insert--;
				if (s.lookahead + s.insert < MIN_MATCH) break;
			}
		}
	} while (s.lookahead < MIN_LOOKAHEAD && s.strm.avail_in !== 0);
};
var deflate_stored = (s, flush) => {
	let min_block = s.pending_buf_size - 5 > s.w_size ? s.w_size : s.pending_buf_size - 5;
	let len, left, have, last = 0;
	let used = s.strm.avail_in;
	do {
		len = 65535;
		have = s.bi_valid + 42 >> 3;
		if (s.strm.avail_out < have) break;
		have = s.strm.avail_out - have;
		left = s.strstart - s.block_start;
		if (len > left + s.strm.avail_in) len = left + s.strm.avail_in;
		if (len > have) len = have;
		if (len < min_block && (len === 0 && flush !== 4 || flush === 0 || len !== left + s.strm.avail_in)) break;
		last = flush === 4 && len === left + s.strm.avail_in ? 1 : 0;
		_tr_stored_block(s, 0, 0, last);
		s.pending_buf[s.pending - 4] = len;
		s.pending_buf[s.pending - 3] = len >> 8;
		s.pending_buf[s.pending - 2] = ~len;
		s.pending_buf[s.pending - 1] = ~len >> 8;
		flush_pending(s.strm);
		if (left) {
			if (left > len) left = len;
			s.strm.output.set(s.window.subarray(s.block_start, s.block_start + left), s.strm.next_out);
			s.strm.next_out += left;
			s.strm.avail_out -= left;
			s.strm.total_out += left;
			s.block_start += left;
			len -= left;
		}
		if (len) {
			read_buf(s.strm, s.strm.output, s.strm.next_out, len);
			s.strm.next_out += len;
			s.strm.avail_out -= len;
			s.strm.total_out += len;
		}
	} while (last === 0);
	used -= s.strm.avail_in;
	if (used) {
		if (used >= s.w_size) {
			s.matches = 2;
			s.window.set(s.strm.input.subarray(s.strm.next_in - s.w_size, s.strm.next_in), 0);
			s.strstart = s.w_size;
			s.insert = s.strstart;
		} else {
			if (s.window_size - s.strstart <= used) {
				s.strstart -= s.w_size;
				s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
				if (s.matches < 2) s.matches++;
				if (s.insert > s.strstart) s.insert = s.strstart;
			}
			s.window.set(s.strm.input.subarray(s.strm.next_in - used, s.strm.next_in), s.strstart);
			s.strstart += used;
			s.insert += used > s.w_size - s.insert ? s.w_size - s.insert : used;
		}
		s.block_start = s.strstart;
	}
	if (s.high_water < s.strstart) s.high_water = s.strstart;
	if (last) return BS_FINISH_DONE;
	if (flush !== 0 && flush !== 4 && s.strm.avail_in === 0 && s.strstart === s.block_start) return BS_BLOCK_DONE;
	have = s.window_size - s.strstart;
	if (s.strm.avail_in > have && s.block_start >= s.w_size) {
		s.block_start -= s.w_size;
		s.strstart -= s.w_size;
		s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
		if (s.matches < 2) s.matches++;
		have += s.w_size;
		if (s.insert > s.strstart) s.insert = s.strstart;
	}
	if (have > s.strm.avail_in) have = s.strm.avail_in;
	if (have) {
		read_buf(s.strm, s.window, s.strstart, have);
		s.strstart += have;
		s.insert += have > s.w_size - s.insert ? s.w_size - s.insert : have;
	}
	if (s.high_water < s.strstart) s.high_water = s.strstart;
	have = s.bi_valid + 42 >> 3;
	have = s.pending_buf_size - have > 65535 ? 65535 : s.pending_buf_size - have;
	min_block = have > s.w_size ? s.w_size : have;
	left = s.strstart - s.block_start;
	if (left >= min_block || (left || flush === 4) && flush !== 0 && s.strm.avail_in === 0 && left <= have) {
		len = left > have ? have : left;
		last = flush === 4 && s.strm.avail_in === 0 && len === left ? 1 : 0;
		_tr_stored_block(s, s.block_start, len, last);
		s.block_start += len;
		flush_pending(s.strm);
	}
	return last ? BS_FINISH_STARTED : BS_NEED_MORE;
};
var deflate_fast = (s, flush) => {
	let hash_head;
	let bflush;
	for (;;) {
		if (s.lookahead < MIN_LOOKAHEAD) {
			fill_window(s);
			if (s.lookahead < MIN_LOOKAHEAD && flush === 0) return BS_NEED_MORE;
			if (s.lookahead === 0) break;
		}
		hash_head = 0;
		if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
		if (hash_head !== 0 && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) s.match_length = longest_match(s, hash_head);
		if (s.match_length >= MIN_MATCH) {
			/*** _tr_tally_dist(s, s.strstart - s.match_start,
			s.match_length - MIN_MATCH, bflush); ***/
			bflush = _tr_tally(s, s.strstart - s.match_start, s.match_length - MIN_MATCH);
			s.lookahead -= s.match_length;
			if (s.match_length <= s.max_lazy_match && s.lookahead >= MIN_MATCH) {
				s.match_length--;
				do {
					s.strstart++;
					hash_head = INSERT_STRING(s, s.strstart);
				} while (--s.match_length !== 0);
				s.strstart++;
			} else {
				s.strstart += s.match_length;
				s.match_length = 0;
				if (s.legacy_hash) {
					s.ins_h = s.window[s.strstart];
					s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + 1]);
				}
			}
		} else {
			/*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
			bflush = _tr_tally(s, 0, s.window[s.strstart]);
			s.lookahead--;
			s.strstart++;
		}
		if (bflush) {
			/*** FLUSH_BLOCK(s, 0); ***/
			flush_block_only(s, false);
			if (s.strm.avail_out === 0) return BS_NEED_MORE;
		}
	}
	s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
	if (flush === 4) {
		/*** FLUSH_BLOCK(s, 1); ***/
		flush_block_only(s, true);
		if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
		return BS_FINISH_DONE;
	}
	if (s.sym_next) {
		/*** FLUSH_BLOCK(s, 0); ***/
		flush_block_only(s, false);
		if (s.strm.avail_out === 0) return BS_NEED_MORE;
	}
	return BS_BLOCK_DONE;
};
var deflate_slow = (s, flush) => {
	let hash_head;
	let bflush;
	let max_insert;
	for (;;) {
		if (s.lookahead < MIN_LOOKAHEAD) {
			fill_window(s);
			if (s.lookahead < MIN_LOOKAHEAD && flush === 0) return BS_NEED_MORE;
			if (s.lookahead === 0) break;
		}
		hash_head = 0;
		if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
		s.prev_length = s.match_length;
		s.prev_match = s.match_start;
		s.match_length = MIN_MATCH - 1;
		if (hash_head !== 0 && s.prev_length < s.max_lazy_match && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) {
			s.match_length = longest_match(s, hash_head);
			if (s.match_length <= 5 && (s.strategy === 1 || s.match_length === MIN_MATCH && s.strstart - s.match_start > 4096)) s.match_length = MIN_MATCH - 1;
		}
		if (s.prev_length >= MIN_MATCH && s.match_length <= s.prev_length) {
			max_insert = s.strstart + s.lookahead - MIN_MATCH;
			/***_tr_tally_dist(s, s.strstart - 1 - s.prev_match,
			s.prev_length - MIN_MATCH, bflush);***/
			bflush = _tr_tally(s, s.strstart - 1 - s.prev_match, s.prev_length - MIN_MATCH);
			s.lookahead -= s.prev_length - 1;
			s.prev_length -= 2;
			do
				if (++s.strstart <= max_insert) hash_head = INSERT_STRING(s, s.strstart);
			while (--s.prev_length !== 0);
			s.match_available = 0;
			s.match_length = MIN_MATCH - 1;
			s.strstart++;
			if (bflush) {
				/*** FLUSH_BLOCK(s, 0); ***/
				flush_block_only(s, false);
				if (s.strm.avail_out === 0) return BS_NEED_MORE;
			}
		} else if (s.match_available) {
			/*** _tr_tally_lit(s, s.window[s.strstart-1], bflush); ***/
			bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
			if (bflush)
 /*** FLUSH_BLOCK_ONLY(s, 0) ***/
			flush_block_only(s, false);
			s.strstart++;
			s.lookahead--;
			if (s.strm.avail_out === 0) return BS_NEED_MORE;
		} else {
			s.match_available = 1;
			s.strstart++;
			s.lookahead--;
		}
	}
	if (s.match_available) {
		/*** _tr_tally_lit(s, s.window[s.strstart-1], bflush); ***/
		bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
		s.match_available = 0;
	}
	s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
	if (flush === 4) {
		/*** FLUSH_BLOCK(s, 1); ***/
		flush_block_only(s, true);
		if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
		return BS_FINISH_DONE;
	}
	if (s.sym_next) {
		/*** FLUSH_BLOCK(s, 0); ***/
		flush_block_only(s, false);
		if (s.strm.avail_out === 0) return BS_NEED_MORE;
	}
	return BS_BLOCK_DONE;
};
var deflate_rle = (s, flush) => {
	let bflush;
	let prev;
	let scan, strend;
	const _win = s.window;
	for (;;) {
		if (s.lookahead <= MAX_MATCH) {
			fill_window(s);
			if (s.lookahead <= MAX_MATCH && flush === 0) return BS_NEED_MORE;
			if (s.lookahead === 0) break;
		}
		s.match_length = 0;
		if (s.lookahead >= MIN_MATCH && s.strstart > 0) {
			scan = s.strstart - 1;
			prev = _win[scan];
			if (prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan]) {
				strend = s.strstart + MAX_MATCH;
				do				;
while (prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && prev === _win[++scan] && scan < strend);
				s.match_length = MAX_MATCH - (strend - scan);
				if (s.match_length > s.lookahead) s.match_length = s.lookahead;
			}
		}
		if (s.match_length >= MIN_MATCH) {
			/*** _tr_tally_dist(s, 1, s.match_length - MIN_MATCH, bflush); ***/
			bflush = _tr_tally(s, 1, s.match_length - MIN_MATCH);
			s.lookahead -= s.match_length;
			s.strstart += s.match_length;
			s.match_length = 0;
		} else {
			/*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
			bflush = _tr_tally(s, 0, s.window[s.strstart]);
			s.lookahead--;
			s.strstart++;
		}
		if (bflush) {
			/*** FLUSH_BLOCK(s, 0); ***/
			flush_block_only(s, false);
			if (s.strm.avail_out === 0) return BS_NEED_MORE;
		}
	}
	s.insert = 0;
	if (flush === 4) {
		/*** FLUSH_BLOCK(s, 1); ***/
		flush_block_only(s, true);
		if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
		return BS_FINISH_DONE;
	}
	if (s.sym_next) {
		/*** FLUSH_BLOCK(s, 0); ***/
		flush_block_only(s, false);
		if (s.strm.avail_out === 0) return BS_NEED_MORE;
	}
	return BS_BLOCK_DONE;
};
var deflate_huff = (s, flush) => {
	let bflush;
	for (;;) {
		if (s.lookahead === 0) {
			fill_window(s);
			if (s.lookahead === 0) {
				if (flush === 0) return BS_NEED_MORE;
				break;
			}
		}
		s.match_length = 0;
		/*** _tr_tally_lit(s, s.window[s.strstart], bflush); ***/
		bflush = _tr_tally(s, 0, s.window[s.strstart]);
		s.lookahead--;
		s.strstart++;
		if (bflush) {
			/*** FLUSH_BLOCK(s, 0); ***/
			flush_block_only(s, false);
			if (s.strm.avail_out === 0) return BS_NEED_MORE;
		}
	}
	s.insert = 0;
	if (flush === 4) {
		/*** FLUSH_BLOCK(s, 1); ***/
		flush_block_only(s, true);
		if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
		return BS_FINISH_DONE;
	}
	if (s.sym_next) {
		/*** FLUSH_BLOCK(s, 0); ***/
		flush_block_only(s, false);
		if (s.strm.avail_out === 0) return BS_NEED_MORE;
	}
	return BS_BLOCK_DONE;
};
var Config = class {
	constructor(good_length, max_lazy, nice_length, max_chain, func) {
		this.good_length = good_length;
		this.max_lazy = max_lazy;
		this.nice_length = nice_length;
		this.max_chain = max_chain;
		this.func = func;
	}
};
var configuration_table = [
	new Config(0, 0, 0, 0, deflate_stored),
	new Config(4, 4, 8, 4, deflate_fast),
	new Config(4, 5, 16, 8, deflate_fast),
	new Config(4, 6, 32, 32, deflate_fast),
	new Config(4, 4, 16, 16, deflate_slow),
	new Config(8, 16, 32, 32, deflate_slow),
	new Config(8, 16, 128, 128, deflate_slow),
	new Config(8, 32, 128, 256, deflate_slow),
	new Config(32, 128, 258, 1024, deflate_slow),
	new Config(32, 258, 258, 4096, deflate_slow)
];
var lm_init = (s) => {
	s.window_size = 2 * s.w_size;
	/*** CLEAR_HASH(s); ***/
	zero(s.head);
	s.max_lazy_match = configuration_table[s.level].max_lazy;
	s.good_match = configuration_table[s.level].good_length;
	s.nice_match = configuration_table[s.level].nice_length;
	s.max_chain_length = configuration_table[s.level].max_chain;
	s.strstart = 0;
	s.block_start = 0;
	s.lookahead = 0;
	s.insert = 0;
	s.match_length = s.prev_length = MIN_MATCH - 1;
	s.match_available = 0;
	s.ins_h = 0;
};
var DeflateState = class {
	constructor() {
		this.strm = null;
		this.status = 0;
		this.pending_buf = null;
		this.pending_buf_size = 0;
		this.pending_out = 0;
		this.pending = 0;
		this.wrap = 0;
		this.gzhead = null;
		this.gzindex = 0;
		this.method = 8;
		this.last_flush = -1;
		this.w_size = 0;
		this.w_bits = 0;
		this.w_mask = 0;
		this.window = null;
		this.window_size = 0;
		this.prev = null;
		this.head = null;
		this.ins_h = 0;
		this.legacy_hash = 0;
		this.hash_size = 0;
		this.hash_bits = 0;
		this.hash_mask = 0;
		this.hash_shift = 0;
		this.block_start = 0;
		this.match_length = 0;
		this.prev_match = 0;
		this.match_available = 0;
		this.strstart = 0;
		this.match_start = 0;
		this.lookahead = 0;
		this.prev_length = 0;
		this.max_chain_length = 0;
		this.max_lazy_match = 0;
		this.level = 0;
		this.strategy = 0;
		this.good_match = 0;
		this.nice_match = 0;
		this.dyn_ltree = new Uint16Array(HEAP_SIZE * 2);
		this.dyn_dtree = /* @__PURE__ */ new Uint16Array(122);
		this.bl_tree = /* @__PURE__ */ new Uint16Array(78);
		zero(this.dyn_ltree);
		zero(this.dyn_dtree);
		zero(this.bl_tree);
		this.l_desc = null;
		this.d_desc = null;
		this.bl_desc = null;
		this.bl_count = /* @__PURE__ */ new Uint16Array(16);
		this.heap = /* @__PURE__ */ new Uint16Array(573);
		zero(this.heap);
		this.heap_len = 0;
		this.heap_max = 0;
		this.depth = /* @__PURE__ */ new Uint16Array(573);
		zero(this.depth);
		this.sym_buf = 0;
		this.lit_bufsize = 0;
		this.sym_next = 0;
		this.sym_end = 0;
		this.opt_len = 0;
		this.static_len = 0;
		this.matches = 0;
		this.insert = 0;
		this.bi_buf = 0;
		this.bi_valid = 0;
	}
};
var deflateStateCheck = (strm) => {
	if (!strm) return 1;
	const s = strm.state;
	if (!s || s.strm !== strm || s.status !== INIT_STATE && s.status !== GZIP_STATE && s.status !== EXTRA_STATE && s.status !== NAME_STATE && s.status !== COMMENT_STATE && s.status !== HCRC_STATE && s.status !== BUSY_STATE && s.status !== FINISH_STATE) return 1;
	return 0;
};
var deflateResetKeep = (strm) => {
	if (deflateStateCheck(strm)) return err(strm, -2);
	strm.total_in = strm.total_out = 0;
	strm.data_type = 2;
	const s = strm.state;
	s.pending = 0;
	s.pending_out = 0;
	if (s.wrap < 0) s.wrap = -s.wrap;
	s.status = s.wrap === 2 ? GZIP_STATE : s.wrap ? INIT_STATE : BUSY_STATE;
	strm.adler = s.wrap === 2 ? 0 : 1;
	s.last_flush = -2;
	_tr_init(s);
	return 0;
};
var deflateReset = (strm) => {
	const ret = deflateResetKeep(strm);
	if (ret === 0) lm_init(strm.state);
	return ret;
};
var deflateSetHeader = (strm, head) => {
	if (deflateStateCheck(strm) || strm.state.wrap !== 2) return -2;
	strm.state.gzhead = head;
	return 0;
};
var deflateInit2 = (strm, level, method, windowBits, memLevel, strategy, legacyHash) => {
	if (!strm) return -2;
	let wrap = 1;
	if (level === -1) level = 6;
	if (windowBits < 0) {
		wrap = 0;
		windowBits = -windowBits;
	} else if (windowBits > 15) {
		wrap = 2;
		windowBits -= 16;
	}
	if (memLevel < 1 || memLevel > MAX_MEM_LEVEL || method !== 8 || windowBits < 8 || windowBits > 15 || level < 0 || level > 9 || strategy < 0 || strategy > 4 || windowBits === 8 && wrap !== 1) return err(strm, -2);
	if (windowBits === 8) windowBits = 9;
	const s = new DeflateState();
	strm.state = s;
	s.strm = strm;
	s.status = INIT_STATE;
	s.wrap = wrap;
	s.gzhead = null;
	s.w_bits = windowBits;
	s.w_size = 1 << s.w_bits;
	s.w_mask = s.w_size - 1;
	s.legacy_hash = legacyHash ? 1 : 0;
	s.hash_bits = memLevel + 7;
	if (!s.legacy_hash && s.hash_bits < 15) s.hash_bits = 15;
	s.hash_size = 1 << s.hash_bits;
	s.hash_mask = s.hash_size - 1;
	s.hash_shift = ~~((s.hash_bits + MIN_MATCH - 1) / MIN_MATCH);
	s.window = new Uint8Array(s.w_size * 2);
	s.head = new Uint16Array(s.hash_size);
	s.prev = new Uint16Array(s.w_size);
	s.lit_bufsize = 1 << memLevel + 6;
	s.pending_buf_size = s.lit_bufsize * 4;
	s.pending_buf = new Uint8Array(s.pending_buf_size);
	s.sym_buf = s.lit_bufsize;
	s.sym_end = (s.lit_bufsize - 1) * 3;
	s.level = level;
	s.strategy = strategy;
	s.method = method;
	return deflateReset(strm);
};
var deflateInit = (strm, level) => {
	return deflateInit2(strm, level, 8, MAX_WBITS, DEF_MEM_LEVEL, 0);
};
var deflate$1 = (strm, flush) => {
	if (deflateStateCheck(strm) || flush > 5 || flush < 0) return strm ? err(strm, -2) : -2;
	const s = strm.state;
	if (!strm.output || strm.avail_in !== 0 && !strm.input || s.status === FINISH_STATE && flush !== 4) return err(strm, strm.avail_out === 0 ? -5 : -2);
	const old_flush = s.last_flush;
	s.last_flush = flush;
	if (s.pending !== 0) {
		flush_pending(strm);
		if (strm.avail_out === 0) {
			s.last_flush = -1;
			return 0;
		}
	} else if (strm.avail_in === 0 && rank(flush) <= rank(old_flush) && flush !== 4) return err(strm, -5);
	if (s.status === FINISH_STATE && strm.avail_in !== 0) return err(strm, -5);
	if (s.status === INIT_STATE && s.wrap === 0) s.status = BUSY_STATE;
	if (s.status === INIT_STATE) {
		let header = 8 + (s.w_bits - 8 << 4) << 8;
		let level_flags = -1;
		if (s.strategy >= 2 || s.level < 2) level_flags = 0;
		else if (s.level < 6) level_flags = 1;
		else if (s.level === 6) level_flags = 2;
		else level_flags = 3;
		header |= level_flags << 6;
		if (s.strstart !== 0) header |= PRESET_DICT;
		header += 31 - header % 31;
		putShortMSB(s, header);
		if (s.strstart !== 0) {
			putShortMSB(s, strm.adler >>> 16);
			putShortMSB(s, strm.adler & 65535);
		}
		strm.adler = 1;
		s.status = BUSY_STATE;
		flush_pending(strm);
		if (s.pending !== 0) {
			s.last_flush = -1;
			return 0;
		}
	}
	if (s.status === GZIP_STATE) {
		strm.adler = 0;
		put_byte(s, 31);
		put_byte(s, 139);
		put_byte(s, 8);
		if (!s.gzhead) {
			put_byte(s, 0);
			put_byte(s, 0);
			put_byte(s, 0);
			put_byte(s, 0);
			put_byte(s, 0);
			put_byte(s, s.level === 9 ? 2 : s.strategy >= 2 || s.level < 2 ? 4 : 0);
			put_byte(s, OS_CODE);
			s.status = BUSY_STATE;
			flush_pending(strm);
			if (s.pending !== 0) {
				s.last_flush = -1;
				return 0;
			}
		} else {
			put_byte(s, (s.gzhead.text ? 1 : 0) + (s.gzhead.hcrc ? 2 : 0) + (!s.gzhead.extra ? 0 : 4) + (!s.gzhead.name ? 0 : 8) + (!s.gzhead.comment ? 0 : 16));
			put_byte(s, s.gzhead.time & 255);
			put_byte(s, s.gzhead.time >> 8 & 255);
			put_byte(s, s.gzhead.time >> 16 & 255);
			put_byte(s, s.gzhead.time >> 24 & 255);
			put_byte(s, s.level === 9 ? 2 : s.strategy >= 2 || s.level < 2 ? 4 : 0);
			put_byte(s, s.gzhead.os & 255);
			if (s.gzhead.extra && s.gzhead.extra.length) {
				put_byte(s, s.gzhead.extra.length & 255);
				put_byte(s, s.gzhead.extra.length >> 8 & 255);
			}
			if (s.gzhead.hcrc) strm.adler = crc32(strm.adler, s.pending_buf, s.pending, 0);
			s.gzindex = 0;
			s.status = EXTRA_STATE;
		}
	}
	if (s.status === EXTRA_STATE) {
		if (s.gzhead.extra) {
			let beg = s.pending;
			let left = (s.gzhead.extra.length & 65535) - s.gzindex;
			while (s.pending + left > s.pending_buf_size) {
				let copy = s.pending_buf_size - s.pending;
				s.pending_buf.set(s.gzhead.extra.subarray(s.gzindex, s.gzindex + copy), s.pending);
				s.pending = s.pending_buf_size;
				if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
				s.gzindex += copy;
				flush_pending(strm);
				if (s.pending !== 0) {
					s.last_flush = -1;
					return 0;
				}
				beg = 0;
				left -= copy;
			}
			let gzhead_extra = new Uint8Array(s.gzhead.extra);
			s.pending_buf.set(gzhead_extra.subarray(s.gzindex, s.gzindex + left), s.pending);
			s.pending += left;
			if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
			s.gzindex = 0;
		}
		s.status = NAME_STATE;
	}
	if (s.status === NAME_STATE) {
		if (s.gzhead.name) {
			let beg = s.pending;
			let val;
			do {
				if (s.pending === s.pending_buf_size) {
					if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
					flush_pending(strm);
					if (s.pending !== 0) {
						s.last_flush = -1;
						return 0;
					}
					beg = 0;
				}
				if (s.gzindex < s.gzhead.name.length) val = s.gzhead.name.charCodeAt(s.gzindex++) & 255;
				else val = 0;
				put_byte(s, val);
			} while (val !== 0);
			if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
			s.gzindex = 0;
		}
		s.status = COMMENT_STATE;
	}
	if (s.status === COMMENT_STATE) {
		if (s.gzhead.comment) {
			let beg = s.pending;
			let val;
			do {
				if (s.pending === s.pending_buf_size) {
					if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
					flush_pending(strm);
					if (s.pending !== 0) {
						s.last_flush = -1;
						return 0;
					}
					beg = 0;
				}
				if (s.gzindex < s.gzhead.comment.length) val = s.gzhead.comment.charCodeAt(s.gzindex++) & 255;
				else val = 0;
				put_byte(s, val);
			} while (val !== 0);
			if (s.gzhead.hcrc && s.pending > beg) strm.adler = crc32(strm.adler, s.pending_buf, s.pending - beg, beg);
		}
		s.status = HCRC_STATE;
	}
	if (s.status === HCRC_STATE) {
		if (s.gzhead.hcrc) {
			if (s.pending + 2 > s.pending_buf_size) {
				flush_pending(strm);
				if (s.pending !== 0) {
					s.last_flush = -1;
					return 0;
				}
			}
			put_byte(s, strm.adler & 255);
			put_byte(s, strm.adler >> 8 & 255);
			strm.adler = 0;
		}
		s.status = BUSY_STATE;
		flush_pending(strm);
		if (s.pending !== 0) {
			s.last_flush = -1;
			return 0;
		}
	}
	if (strm.avail_in !== 0 || s.lookahead !== 0 || flush !== 0 && s.status !== FINISH_STATE) {
		let bstate = s.level === 0 ? deflate_stored(s, flush) : s.strategy === 2 ? deflate_huff(s, flush) : s.strategy === 3 ? deflate_rle(s, flush) : configuration_table[s.level].func(s, flush);
		if (bstate === BS_FINISH_STARTED || bstate === BS_FINISH_DONE) s.status = FINISH_STATE;
		if (bstate === BS_NEED_MORE || bstate === BS_FINISH_STARTED) {
			if (strm.avail_out === 0) s.last_flush = -1;
			return 0;
		}
		if (bstate === BS_BLOCK_DONE) {
			if (flush === 1) _tr_align(s);
			else if (flush !== 5) {
				_tr_stored_block(s, 0, 0, false);
				if (flush === 3) {
					/*** CLEAR_HASH(s); ***/ zero(s.head);
					if (s.lookahead === 0) {
						s.strstart = 0;
						s.block_start = 0;
						s.insert = 0;
					}
				}
			}
			flush_pending(strm);
			if (strm.avail_out === 0) {
				s.last_flush = -1;
				return 0;
			}
		}
	}
	if (flush !== 4) return 0;
	if (s.wrap <= 0) return 1;
	if (s.wrap === 2) {
		put_byte(s, strm.adler & 255);
		put_byte(s, strm.adler >> 8 & 255);
		put_byte(s, strm.adler >> 16 & 255);
		put_byte(s, strm.adler >> 24 & 255);
		put_byte(s, strm.total_in & 255);
		put_byte(s, strm.total_in >> 8 & 255);
		put_byte(s, strm.total_in >> 16 & 255);
		put_byte(s, strm.total_in >> 24 & 255);
	} else {
		putShortMSB(s, strm.adler >>> 16);
		putShortMSB(s, strm.adler & 65535);
	}
	flush_pending(strm);
	if (s.wrap > 0) s.wrap = -s.wrap;
	return s.pending !== 0 ? 0 : 1;
};
var deflateEnd = (strm) => {
	if (deflateStateCheck(strm)) return -2;
	const status = strm.state.status;
	strm.state = null;
	return status === BUSY_STATE ? err(strm, -3) : 0;
};
var deflateSetDictionary = (strm, dictionary) => {
	let dictLength = dictionary.length;
	if (deflateStateCheck(strm)) return -2;
	const s = strm.state;
	const wrap = s.wrap;
	if (wrap === 2 || wrap === 1 && s.status !== INIT_STATE || s.lookahead) return -2;
	if (wrap === 1) strm.adler = adler32(strm.adler, dictionary, dictLength, 0);
	s.wrap = 0;
	if (dictLength >= s.w_size) {
		if (wrap === 0) {
			/*** CLEAR_HASH(s); ***/
			zero(s.head);
			s.strstart = 0;
			s.block_start = 0;
			s.insert = 0;
		}
		let tmpDict = new Uint8Array(s.w_size);
		tmpDict.set(dictionary.subarray(dictLength - s.w_size, dictLength), 0);
		dictionary = tmpDict;
		dictLength = s.w_size;
	}
	const avail = strm.avail_in;
	const next = strm.next_in;
	const input = strm.input;
	strm.avail_in = dictLength;
	strm.next_in = 0;
	strm.input = dictionary;
	fill_window(s);
	while (s.lookahead >= MIN_MATCH) {
		let str = s.strstart;
		let n = s.lookahead - (MIN_MATCH - 1);
		do {
			INSERT_STRING(s, str);
			str++;
		} while (--n);
		s.strstart = str;
		s.lookahead = MIN_MATCH - 1;
		fill_window(s);
	}
	s.strstart += s.lookahead;
	s.block_start = s.strstart;
	s.insert = s.lookahead;
	s.lookahead = 0;
	s.match_length = s.prev_length = MIN_MATCH - 1;
	s.match_available = 0;
	strm.next_in = next;
	strm.input = input;
	strm.avail_in = avail;
	s.wrap = wrap;
	return 0;
};
//#endregion
//#region src/zlib/inffast.mjs
var BAD$1 = 16209;
var TYPE$1 = 16191;
function inflate_fast(strm, start) {
	let _in;
	let last;
	let _out;
	let beg;
	let end;
	let dmax;
	let wsize;
	let whave;
	let wnext;
	let s_window;
	let hold;
	let bits;
	let lcode;
	let dcode;
	let lmask;
	let dmask;
	let here;
	let op;
	let len;
	let dist;
	let from;
	let from_source;
	let input, output;
	const state = strm.state;
	_in = strm.next_in;
	input = strm.input;
	last = _in + (strm.avail_in - 5);
	_out = strm.next_out;
	output = strm.output;
	beg = _out - (start - strm.avail_out);
	end = _out + (strm.avail_out - 257);
	dmax = state.dmax;
	wsize = state.wsize;
	whave = state.whave;
	wnext = state.wnext;
	s_window = state.window;
	hold = state.hold;
	bits = state.bits;
	lcode = state.lencode;
	dcode = state.distcode;
	lmask = (1 << state.lenbits) - 1;
	dmask = (1 << state.distbits) - 1;
	top: do {
		if (bits < 15) {
			hold += input[_in++] << bits;
			bits += 8;
			hold += input[_in++] << bits;
			bits += 8;
		}
		here = lcode[hold & lmask];
		dolen: for (;;) {
			op = here >>> 24;
			hold >>>= op;
			bits -= op;
			op = here >>> 16 & 255;
			if (op === 0) output[_out++] = here & 65535;
			else if (op & 16) {
				len = here & 65535;
				op &= 15;
				if (op) {
					if (bits < op) {
						hold += input[_in++] << bits;
						bits += 8;
					}
					len += hold & (1 << op) - 1;
					hold >>>= op;
					bits -= op;
				}
				if (bits < 15) {
					hold += input[_in++] << bits;
					bits += 8;
					hold += input[_in++] << bits;
					bits += 8;
				}
				here = dcode[hold & dmask];
				dodist: for (;;) {
					op = here >>> 24;
					hold >>>= op;
					bits -= op;
					op = here >>> 16 & 255;
					if (op & 16) {
						dist = here & 65535;
						op &= 15;
						if (bits < op) {
							hold += input[_in++] << bits;
							bits += 8;
							if (bits < op) {
								hold += input[_in++] << bits;
								bits += 8;
							}
						}
						dist += hold & (1 << op) - 1;
						if (dist > dmax) {
							strm.msg = "invalid distance too far back";
							state.mode = BAD$1;
							break top;
						}
						hold >>>= op;
						bits -= op;
						op = _out - beg;
						if (dist > op) {
							op = dist - op;
							if (op > whave) {
								if (state.sane) {
									strm.msg = "invalid distance too far back";
									state.mode = BAD$1;
									break top;
								}
							}
							from = 0;
							from_source = s_window;
							if (wnext === 0) {
								from += wsize - op;
								if (op < len) {
									len -= op;
									do
										output[_out++] = s_window[from++];
									while (--op);
									from = _out - dist;
									from_source = output;
								}
							} else if (wnext < op) {
								from += wsize + wnext - op;
								op -= wnext;
								if (op < len) {
									len -= op;
									do
										output[_out++] = s_window[from++];
									while (--op);
									from = 0;
									if (wnext < len) {
										op = wnext;
										len -= op;
										do
											output[_out++] = s_window[from++];
										while (--op);
										from = _out - dist;
										from_source = output;
									}
								}
							} else {
								from += wnext - op;
								if (op < len) {
									len -= op;
									do
										output[_out++] = s_window[from++];
									while (--op);
									from = _out - dist;
									from_source = output;
								}
							}
							while (len > 2) {
								output[_out++] = from_source[from++];
								output[_out++] = from_source[from++];
								output[_out++] = from_source[from++];
								len -= 3;
							}
							if (len) {
								output[_out++] = from_source[from++];
								if (len > 1) output[_out++] = from_source[from++];
							}
						} else {
							from = _out - dist;
							do {
								output[_out++] = output[from++];
								output[_out++] = output[from++];
								output[_out++] = output[from++];
								len -= 3;
							} while (len > 2);
							if (len) {
								output[_out++] = output[from++];
								if (len > 1) output[_out++] = output[from++];
							}
						}
					} else if ((op & 64) === 0) {
						here = dcode[(here & 65535) + (hold & (1 << op) - 1)];
						continue dodist;
					} else {
						strm.msg = "invalid distance code";
						state.mode = BAD$1;
						break top;
					}
					break;
				}
			} else if ((op & 64) === 0) {
				here = lcode[(here & 65535) + (hold & (1 << op) - 1)];
				continue dolen;
			} else if (op & 32) {
				state.mode = TYPE$1;
				break top;
			} else {
				strm.msg = "invalid literal/length code";
				state.mode = BAD$1;
				break top;
			}
			break;
		}
	} while (_in < last && _out < end);
	len = bits >> 3;
	_in -= len;
	bits -= len << 3;
	hold &= (1 << bits) - 1;
	strm.next_in = _in;
	strm.next_out = _out;
	strm.avail_in = _in < last ? 5 + (last - _in) : 5 - (_in - last);
	strm.avail_out = _out < end ? 257 + (end - _out) : 257 - (_out - end);
	state.hold = hold;
	state.bits = bits;
}
//#endregion
//#region src/zlib/inftrees.mjs
var MAXBITS = 15;
var ENOUGH_LENS$1 = 852;
var ENOUGH_DISTS$1 = 592;
var CODES$1 = 0;
var LENS$1 = 1;
var DISTS$1 = 2;
var lbase = new Uint16Array([
	3,
	4,
	5,
	6,
	7,
	8,
	9,
	10,
	11,
	13,
	15,
	17,
	19,
	23,
	27,
	31,
	35,
	43,
	51,
	59,
	67,
	83,
	99,
	115,
	131,
	163,
	195,
	227,
	258,
	0,
	0
]);
var lext = new Uint8Array([
	16,
	16,
	16,
	16,
	16,
	16,
	16,
	16,
	17,
	17,
	17,
	17,
	18,
	18,
	18,
	18,
	19,
	19,
	19,
	19,
	20,
	20,
	20,
	20,
	21,
	21,
	21,
	21,
	16,
	199,
	75
]);
var dbase = new Uint16Array([
	1,
	2,
	3,
	4,
	5,
	7,
	9,
	13,
	17,
	25,
	33,
	49,
	65,
	97,
	129,
	193,
	257,
	385,
	513,
	769,
	1025,
	1537,
	2049,
	3073,
	4097,
	6145,
	8193,
	12289,
	16385,
	24577,
	0,
	0
]);
var dext = new Uint8Array([
	16,
	16,
	16,
	16,
	17,
	17,
	18,
	18,
	19,
	19,
	20,
	20,
	21,
	21,
	22,
	22,
	23,
	23,
	24,
	24,
	25,
	25,
	26,
	26,
	27,
	27,
	28,
	28,
	29,
	29,
	64,
	64
]);
var inflate_table = (type, lens, lens_index, codes, table, table_index, work, opts) => {
	const bits = opts.bits;
	let len = 0;
	let sym = 0;
	let min = 0, max = 0;
	let root = 0;
	let curr = 0;
	let drop = 0;
	let left = 0;
	let used = 0;
	let huff = 0;
	let incr;
	let fill;
	let low;
	let mask;
	let next;
	let base = null;
	let match;
	const count = /* @__PURE__ */ new Uint16Array(16);
	const offs = /* @__PURE__ */ new Uint16Array(16);
	let extra = null;
	let here_bits, here_op, here_val;
	for (len = 0; len <= MAXBITS; len++) count[len] = 0;
	for (sym = 0; sym < codes; sym++) count[lens[lens_index + sym]]++;
	root = bits;
	for (max = MAXBITS; max >= 1; max--) if (count[max] !== 0) break;
	if (root > max) root = max;
	if (max === 0) {
		table[table_index++] = 20971520;
		table[table_index++] = 20971520;
		opts.bits = 1;
		return 0;
	}
	for (min = 1; min < max; min++) if (count[min] !== 0) break;
	if (root < min) root = min;
	left = 1;
	for (len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= count[len];
		if (left < 0) return -1;
	}
	if (left > 0 && (type === CODES$1 || max !== 1)) return -1;
	offs[1] = 0;
	for (len = 1; len < MAXBITS; len++) offs[len + 1] = offs[len] + count[len];
	for (sym = 0; sym < codes; sym++) if (lens[lens_index + sym] !== 0) work[offs[lens[lens_index + sym]]++] = sym;
	if (type === CODES$1) {
		base = extra = work;
		match = 20;
	} else if (type === LENS$1) {
		base = lbase;
		extra = lext;
		match = 257;
	} else {
		base = dbase;
		extra = dext;
		match = 0;
	}
	huff = 0;
	sym = 0;
	len = min;
	next = table_index;
	curr = root;
	drop = 0;
	low = -1;
	used = 1 << root;
	mask = used - 1;
	if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) return 1;
	for (;;) {
		here_bits = len - drop;
		if (work[sym] + 1 < match) {
			here_op = 0;
			here_val = work[sym];
		} else if (work[sym] >= match) {
			here_op = extra[work[sym] - match];
			here_val = base[work[sym] - match];
		} else {
			here_op = 96;
			here_val = 0;
		}
		incr = 1 << len - drop;
		fill = 1 << curr;
		min = fill;
		do {
			fill -= incr;
			table[next + (huff >> drop) + fill] = here_bits << 24 | here_op << 16 | here_val | 0;
		} while (fill !== 0);
		incr = 1 << len - 1;
		while (huff & incr) incr >>= 1;
		if (incr !== 0) {
			huff &= incr - 1;
			huff += incr;
		} else huff = 0;
		sym++;
		if (--count[len] === 0) {
			if (len === max) break;
			len = lens[lens_index + work[sym]];
		}
		if (len > root && (huff & mask) !== low) {
			if (drop === 0) drop = root;
			next += min;
			curr = len - drop;
			left = 1 << curr;
			while (curr + drop < max) {
				left -= count[curr + drop];
				if (left <= 0) break;
				curr++;
				left <<= 1;
			}
			used += 1 << curr;
			if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) return 1;
			low = huff & mask;
			table[low] = root << 24 | curr << 16 | next - table_index | 0;
		}
	}
	if (huff !== 0) table[next + huff] = len - drop << 24 | 4194304;
	opts.bits = root;
	return 0;
};
//#endregion
//#region src/zlib/inflate.mjs
var CODES = 0;
var LENS = 1;
var DISTS = 2;
var HEAD = 16180;
var FLAGS = 16181;
var TIME = 16182;
var OS = 16183;
var EXLEN = 16184;
var EXTRA = 16185;
var NAME = 16186;
var COMMENT = 16187;
var HCRC = 16188;
var DICTID = 16189;
var DICT = 16190;
var TYPE = 16191;
var TYPEDO = 16192;
var STORED = 16193;
var COPY_ = 16194;
var COPY = 16195;
var TABLE = 16196;
var LENLENS = 16197;
var CODELENS = 16198;
var LEN_ = 16199;
var LEN = 16200;
var LENEXT = 16201;
var DIST = 16202;
var DISTEXT = 16203;
var MATCH = 16204;
var LIT = 16205;
var CHECK = 16206;
var LENGTH = 16207;
var DONE = 16208;
var BAD = 16209;
var MEM = 16210;
var SYNC = 16211;
var ENOUGH_LENS = 852;
var ENOUGH_DISTS = 592;
var DEF_WBITS = 15;
var zswap32 = (q) => {
	return (q >>> 24 & 255) + (q >>> 8 & 65280) + ((q & 65280) << 8) + ((q & 255) << 24);
};
var InflateState = class {
	constructor() {
		this.strm = null;
		this.mode = 0;
		this.last = false;
		this.wrap = 0;
		this.havedict = false;
		this.flags = 0;
		this.dmax = 0;
		this.check = 0;
		this.total = 0;
		this.head = null;
		this.wbits = 0;
		this.wsize = 0;
		this.whave = 0;
		this.wnext = 0;
		this.window = null;
		this.hold = 0;
		this.bits = 0;
		this.length = 0;
		this.offset = 0;
		this.extra = 0;
		this.lencode = null;
		this.distcode = null;
		this.lenbits = 0;
		this.distbits = 0;
		this.ncode = 0;
		this.nlen = 0;
		this.ndist = 0;
		this.have = 0;
		this.next = null;
		this.lens = /* @__PURE__ */ new Uint16Array(320);
		this.work = /* @__PURE__ */ new Uint16Array(288);
		this.lendyn = null;
		this.distdyn = null;
		this.sane = 0;
		this.back = 0;
		this.was = 0;
	}
};
var inflateStateCheck = (strm) => {
	if (!strm) return 1;
	const state = strm.state;
	if (!state || state.strm !== strm || state.mode < HEAD || state.mode > SYNC) return 1;
	return 0;
};
var inflateResetKeep = (strm) => {
	if (inflateStateCheck(strm)) return -2;
	const state = strm.state;
	strm.total_in = strm.total_out = state.total = 0;
	strm.msg = "";
	if (state.wrap) strm.adler = state.wrap & 1;
	state.mode = HEAD;
	state.last = 0;
	state.havedict = 0;
	state.flags = -1;
	state.dmax = 32768;
	state.head = null;
	state.hold = 0;
	state.bits = 0;
	state.lencode = state.lendyn = new Int32Array(ENOUGH_LENS);
	state.distcode = state.distdyn = new Int32Array(ENOUGH_DISTS);
	state.sane = 1;
	state.back = -1;
	return 0;
};
var inflateReset = (strm) => {
	if (inflateStateCheck(strm)) return -2;
	const state = strm.state;
	state.wsize = 0;
	state.whave = 0;
	state.wnext = 0;
	return inflateResetKeep(strm);
};
var inflateReset2 = (strm, windowBits) => {
	let wrap;
	if (inflateStateCheck(strm)) return -2;
	const state = strm.state;
	if (windowBits < 0) {
		wrap = 0;
		windowBits = -windowBits;
	} else {
		wrap = (windowBits >> 4) + 5;
		if (windowBits < 48) windowBits &= 15;
	}
	if (windowBits && (windowBits < 8 || windowBits > 15)) return -2;
	if (state.window !== null && state.wbits !== windowBits) state.window = null;
	state.wrap = wrap;
	state.wbits = windowBits;
	return inflateReset(strm);
};
var inflateInit2 = (strm, windowBits) => {
	if (!strm) return -2;
	const state = new InflateState();
	strm.state = state;
	state.strm = strm;
	state.window = null;
	state.mode = HEAD;
	const ret = inflateReset2(strm, windowBits);
	if (ret !== 0) strm.state = null;
	return ret;
};
var inflateInit = (strm) => {
	return inflateInit2(strm, DEF_WBITS);
};
var virgin = true;
var lenfix, distfix;
var fixedtables = (state) => {
	if (virgin) {
		lenfix = /* @__PURE__ */ new Int32Array(512);
		distfix = /* @__PURE__ */ new Int32Array(32);
		let sym = 0;
		while (sym < 144) state.lens[sym++] = 8;
		while (sym < 256) state.lens[sym++] = 9;
		while (sym < 280) state.lens[sym++] = 7;
		while (sym < 288) state.lens[sym++] = 8;
		inflate_table(LENS, state.lens, 0, 288, lenfix, 0, state.work, { bits: 9 });
		sym = 0;
		while (sym < 32) state.lens[sym++] = 5;
		inflate_table(DISTS, state.lens, 0, 32, distfix, 0, state.work, { bits: 5 });
		virgin = false;
	}
	state.lencode = lenfix;
	state.lenbits = 9;
	state.distcode = distfix;
	state.distbits = 5;
};
var updatewindow = (strm, src, end, copy) => {
	let dist;
	const state = strm.state;
	if (state.window === null) state.window = new Uint8Array(1 << state.wbits);
	if (state.wsize === 0) {
		state.wsize = 1 << state.wbits;
		state.wnext = 0;
		state.whave = 0;
	}
	if (copy >= state.wsize) {
		state.window.set(src.subarray(end - state.wsize, end), 0);
		state.wnext = 0;
		state.whave = state.wsize;
	} else {
		dist = state.wsize - state.wnext;
		if (dist > copy) dist = copy;
		state.window.set(src.subarray(end - copy, end - copy + dist), state.wnext);
		copy -= dist;
		if (copy) {
			state.window.set(src.subarray(end - copy, end), 0);
			state.wnext = copy;
			state.whave = state.wsize;
		} else {
			state.wnext += dist;
			if (state.wnext === state.wsize) state.wnext = 0;
			if (state.whave < state.wsize) state.whave += dist;
		}
	}
	return 0;
};
var inflate$1 = (strm, flush) => {
	let state;
	let input, output;
	let next;
	let put;
	let have, left;
	let hold;
	let bits;
	let _in, _out;
	let copy;
	let from;
	let from_source;
	let here = 0;
	let here_bits, here_op, here_val;
	let last_bits, last_op, last_val;
	let len;
	let ret;
	const hbuf = /* @__PURE__ */ new Uint8Array(4);
	let opts;
	let n;
	const order = new Uint8Array([
		16,
		17,
		18,
		0,
		8,
		7,
		9,
		6,
		10,
		5,
		11,
		4,
		12,
		3,
		13,
		2,
		14,
		1,
		15
	]);
	if (inflateStateCheck(strm) || !strm.output || !strm.input && strm.avail_in !== 0) return -2;
	state = strm.state;
	if (state.mode === TYPE) state.mode = TYPEDO;
	put = strm.next_out;
	output = strm.output;
	left = strm.avail_out;
	next = strm.next_in;
	input = strm.input;
	have = strm.avail_in;
	hold = state.hold;
	bits = state.bits;
	_in = have;
	_out = left;
	ret = 0;
	inf_leave: for (;;) switch (state.mode) {
		case HEAD:
			if (state.wrap === 0) {
				state.mode = TYPEDO;
				break;
			}
			while (bits < 16) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if (state.wrap & 2 && hold === 35615) {
				if (state.wbits === 0) state.wbits = 15;
				state.check = 0;
				hbuf[0] = hold & 255;
				hbuf[1] = hold >>> 8 & 255;
				state.check = crc32(state.check, hbuf, 2, 0);
				hold = 0;
				bits = 0;
				state.mode = FLAGS;
				break;
			}
			if (state.head) state.head.done = false;
			if (!(state.wrap & 1) || (((hold & 255) << 8) + (hold >> 8)) % 31) {
				strm.msg = "incorrect header check";
				state.mode = BAD;
				break;
			}
			if ((hold & 15) !== 8) {
				strm.msg = "unknown compression method";
				state.mode = BAD;
				break;
			}
			hold >>>= 4;
			bits -= 4;
			len = (hold & 15) + 8;
			if (state.wbits === 0) state.wbits = len;
			if (len > 15 || len > state.wbits) {
				strm.msg = "invalid window size";
				state.mode = BAD;
				break;
			}
			state.dmax = 1 << state.wbits;
			state.flags = 0;
			strm.adler = state.check = 1;
			state.mode = hold & 512 ? DICTID : TYPE;
			hold = 0;
			bits = 0;
			break;
		case FLAGS:
			while (bits < 16) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			state.flags = hold;
			if ((state.flags & 255) !== 8) {
				strm.msg = "unknown compression method";
				state.mode = BAD;
				break;
			}
			if (state.flags & 57344) {
				strm.msg = "unknown header flags set";
				state.mode = BAD;
				break;
			}
			if (state.head) state.head.text = hold >> 8 & 1;
			if (state.flags & 512 && state.wrap & 4) {
				hbuf[0] = hold & 255;
				hbuf[1] = hold >>> 8 & 255;
				state.check = crc32(state.check, hbuf, 2, 0);
			}
			hold = 0;
			bits = 0;
			state.mode = TIME;
		case TIME:
			while (bits < 32) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if (state.head) state.head.time = hold >>> 0;
			if (state.flags & 512 && state.wrap & 4) {
				hbuf[0] = hold & 255;
				hbuf[1] = hold >>> 8 & 255;
				hbuf[2] = hold >>> 16 & 255;
				hbuf[3] = hold >>> 24 & 255;
				state.check = crc32(state.check, hbuf, 4, 0);
			}
			hold = 0;
			bits = 0;
			state.mode = OS;
		case OS:
			while (bits < 16) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if (state.head) {
				state.head.xflags = hold & 255;
				state.head.os = hold >> 8;
			}
			if (state.flags & 512 && state.wrap & 4) {
				hbuf[0] = hold & 255;
				hbuf[1] = hold >>> 8 & 255;
				state.check = crc32(state.check, hbuf, 2, 0);
			}
			hold = 0;
			bits = 0;
			state.mode = EXLEN;
		case EXLEN:
			if (state.flags & 1024) {
				while (bits < 16) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				state.length = hold;
				if (state.head) state.head.extra_len = hold;
				if (state.flags & 512 && state.wrap & 4) {
					hbuf[0] = hold & 255;
					hbuf[1] = hold >>> 8 & 255;
					state.check = crc32(state.check, hbuf, 2, 0);
				}
				hold = 0;
				bits = 0;
			} else if (state.head) state.head.extra = null;
			state.mode = EXTRA;
		case EXTRA:
			if (state.flags & 1024) {
				copy = state.length;
				if (copy > have) copy = have;
				if (copy) {
					if (state.head) {
						len = state.head.extra_len - state.length;
						if (!state.head.extra) state.head.extra = new Uint8Array(state.head.extra_len);
						state.head.extra.set(input.subarray(next, next + copy), len);
					}
					if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
					have -= copy;
					next += copy;
					state.length -= copy;
				}
				if (state.length) break inf_leave;
			}
			state.length = 0;
			state.mode = NAME;
		case NAME:
			if (state.flags & 2048) {
				if (have === 0) break inf_leave;
				copy = 0;
				do {
					len = input[next + copy++];
					if (state.head && len && state.length < 65536) {
						state.head.name += String.fromCharCode(len);
						state.length++;
					}
				} while (len && copy < have);
				if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
				have -= copy;
				next += copy;
				if (len) break inf_leave;
			} else if (state.head) state.head.name = null;
			state.length = 0;
			state.mode = COMMENT;
		case COMMENT:
			if (state.flags & 4096) {
				if (have === 0) break inf_leave;
				copy = 0;
				do {
					len = input[next + copy++];
					if (state.head && len && state.length < 65536) {
						state.head.comment += String.fromCharCode(len);
						state.length++;
					}
				} while (len && copy < have);
				if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
				have -= copy;
				next += copy;
				if (len) break inf_leave;
			} else if (state.head) state.head.comment = null;
			state.mode = HCRC;
		case HCRC:
			if (state.flags & 512) {
				while (bits < 16) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				if (state.wrap & 4 && hold !== (state.check & 65535)) {
					strm.msg = "header crc mismatch";
					state.mode = BAD;
					break;
				}
				hold = 0;
				bits = 0;
			}
			if (state.head) {
				state.head.hcrc = state.flags >> 9 & 1;
				state.head.done = true;
			}
			strm.adler = state.check = 0;
			state.mode = TYPE;
			break;
		case DICTID:
			while (bits < 32) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			strm.adler = state.check = zswap32(hold);
			hold = 0;
			bits = 0;
			state.mode = DICT;
		case DICT:
			if (state.havedict === 0) {
				strm.next_out = put;
				strm.avail_out = left;
				strm.next_in = next;
				strm.avail_in = have;
				state.hold = hold;
				state.bits = bits;
				return 2;
			}
			strm.adler = state.check = 1;
			state.mode = TYPE;
		case TYPE: if (flush === 5 || flush === 6) break inf_leave;
		case TYPEDO:
			if (state.last) {
				hold >>>= bits & 7;
				bits -= bits & 7;
				state.mode = CHECK;
				break;
			}
			while (bits < 3) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			state.last = hold & 1;
			hold >>>= 1;
			bits -= 1;
			switch (hold & 3) {
				case 0:
					state.mode = STORED;
					break;
				case 1:
					fixedtables(state);
					state.mode = LEN_;
					if (flush === 6) {
						hold >>>= 2;
						bits -= 2;
						break inf_leave;
					}
					break;
				case 2:
					state.mode = TABLE;
					break;
				case 3:
					strm.msg = "invalid block type";
					state.mode = BAD;
			}
			hold >>>= 2;
			bits -= 2;
			break;
		case STORED:
			hold >>>= bits & 7;
			bits -= bits & 7;
			while (bits < 32) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if ((hold & 65535) !== (hold >>> 16 ^ 65535)) {
				strm.msg = "invalid stored block lengths";
				state.mode = BAD;
				break;
			}
			state.length = hold & 65535;
			hold = 0;
			bits = 0;
			state.mode = COPY_;
			if (flush === 6) break inf_leave;
		case COPY_: state.mode = COPY;
		case COPY:
			copy = state.length;
			if (copy) {
				if (copy > have) copy = have;
				if (copy > left) copy = left;
				if (copy === 0) break inf_leave;
				output.set(input.subarray(next, next + copy), put);
				have -= copy;
				next += copy;
				left -= copy;
				put += copy;
				state.length -= copy;
				break;
			}
			state.mode = TYPE;
			break;
		case TABLE:
			while (bits < 14) {
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			state.nlen = (hold & 31) + 257;
			hold >>>= 5;
			bits -= 5;
			state.ndist = (hold & 31) + 1;
			hold >>>= 5;
			bits -= 5;
			state.ncode = (hold & 15) + 4;
			hold >>>= 4;
			bits -= 4;
			if (state.nlen > 286 || state.ndist > 30) {
				strm.msg = "too many length or distance symbols";
				state.mode = BAD;
				break;
			}
			state.have = 0;
			state.mode = LENLENS;
		case LENLENS:
			while (state.have < state.ncode) {
				while (bits < 3) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				state.lens[order[state.have++]] = hold & 7;
				hold >>>= 3;
				bits -= 3;
			}
			while (state.have < 19) state.lens[order[state.have++]] = 0;
			state.lencode = state.lendyn;
			state.lenbits = 7;
			opts = { bits: state.lenbits };
			ret = inflate_table(CODES, state.lens, 0, 19, state.lencode, 0, state.work, opts);
			state.lenbits = opts.bits;
			if (ret) {
				strm.msg = "invalid code lengths set";
				state.mode = BAD;
				break;
			}
			state.have = 0;
			state.mode = CODELENS;
		case CODELENS:
			while (state.have < state.nlen + state.ndist) {
				for (;;) {
					here = state.lencode[hold & (1 << state.lenbits) - 1];
					here_bits = here >>> 24;
					here_op = here >>> 16 & 255;
					here_val = here & 65535;
					if (here_bits <= bits) break;
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				if (here_val < 16) {
					hold >>>= here_bits;
					bits -= here_bits;
					state.lens[state.have++] = here_val;
				} else {
					if (here_val === 16) {
						n = here_bits + 2;
						while (bits < n) {
							if (have === 0) break inf_leave;
							have--;
							hold += input[next++] << bits;
							bits += 8;
						}
						hold >>>= here_bits;
						bits -= here_bits;
						if (state.have === 0) {
							strm.msg = "invalid bit length repeat";
							state.mode = BAD;
							break;
						}
						len = state.lens[state.have - 1];
						copy = 3 + (hold & 3);
						hold >>>= 2;
						bits -= 2;
					} else if (here_val === 17) {
						n = here_bits + 3;
						while (bits < n) {
							if (have === 0) break inf_leave;
							have--;
							hold += input[next++] << bits;
							bits += 8;
						}
						hold >>>= here_bits;
						bits -= here_bits;
						len = 0;
						copy = 3 + (hold & 7);
						hold >>>= 3;
						bits -= 3;
					} else {
						n = here_bits + 7;
						while (bits < n) {
							if (have === 0) break inf_leave;
							have--;
							hold += input[next++] << bits;
							bits += 8;
						}
						hold >>>= here_bits;
						bits -= here_bits;
						len = 0;
						copy = 11 + (hold & 127);
						hold >>>= 7;
						bits -= 7;
					}
					if (state.have + copy > state.nlen + state.ndist) {
						strm.msg = "invalid bit length repeat";
						state.mode = BAD;
						break;
					}
					while (copy--) state.lens[state.have++] = len;
				}
			}
			if (state.mode === BAD) break;
			if (state.lens[256] === 0) {
				strm.msg = "invalid code -- missing end-of-block";
				state.mode = BAD;
				break;
			}
			state.lenbits = 9;
			opts = { bits: state.lenbits };
			ret = inflate_table(LENS, state.lens, 0, state.nlen, state.lencode, 0, state.work, opts);
			state.lenbits = opts.bits;
			if (ret) {
				strm.msg = "invalid literal/lengths set";
				state.mode = BAD;
				break;
			}
			state.distbits = 6;
			state.distcode = state.distdyn;
			opts = { bits: state.distbits };
			ret = inflate_table(DISTS, state.lens, state.nlen, state.ndist, state.distcode, 0, state.work, opts);
			state.distbits = opts.bits;
			if (ret) {
				strm.msg = "invalid distances set";
				state.mode = BAD;
				break;
			}
			state.mode = LEN_;
			if (flush === 6) break inf_leave;
		case LEN_: state.mode = LEN;
		case LEN:
			if (have >= 6 && left >= 258) {
				strm.next_out = put;
				strm.avail_out = left;
				strm.next_in = next;
				strm.avail_in = have;
				state.hold = hold;
				state.bits = bits;
				inflate_fast(strm, _out);
				put = strm.next_out;
				output = strm.output;
				left = strm.avail_out;
				next = strm.next_in;
				input = strm.input;
				have = strm.avail_in;
				hold = state.hold;
				bits = state.bits;
				if (state.mode === TYPE) state.back = -1;
				break;
			}
			state.back = 0;
			for (;;) {
				here = state.lencode[hold & (1 << state.lenbits) - 1];
				here_bits = here >>> 24;
				here_op = here >>> 16 & 255;
				here_val = here & 65535;
				if (here_bits <= bits) break;
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if (here_op && (here_op & 240) === 0) {
				last_bits = here_bits;
				last_op = here_op;
				last_val = here_val;
				for (;;) {
					here = state.lencode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
					here_bits = here >>> 24;
					here_op = here >>> 16 & 255;
					here_val = here & 65535;
					if (last_bits + here_bits <= bits) break;
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				hold >>>= last_bits;
				bits -= last_bits;
				state.back += last_bits;
			}
			hold >>>= here_bits;
			bits -= here_bits;
			state.back += here_bits;
			state.length = here_val;
			if (here_op === 0) {
				state.mode = LIT;
				break;
			}
			if (here_op & 32) {
				state.back = -1;
				state.mode = TYPE;
				break;
			}
			if (here_op & 64) {
				strm.msg = "invalid literal/length code";
				state.mode = BAD;
				break;
			}
			state.extra = here_op & 15;
			state.mode = LENEXT;
		case LENEXT:
			if (state.extra) {
				n = state.extra;
				while (bits < n) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				state.length += hold & (1 << state.extra) - 1;
				hold >>>= state.extra;
				bits -= state.extra;
				state.back += state.extra;
			}
			state.was = state.length;
			state.mode = DIST;
		case DIST:
			for (;;) {
				here = state.distcode[hold & (1 << state.distbits) - 1];
				here_bits = here >>> 24;
				here_op = here >>> 16 & 255;
				here_val = here & 65535;
				if (here_bits <= bits) break;
				if (have === 0) break inf_leave;
				have--;
				hold += input[next++] << bits;
				bits += 8;
			}
			if ((here_op & 240) === 0) {
				last_bits = here_bits;
				last_op = here_op;
				last_val = here_val;
				for (;;) {
					here = state.distcode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
					here_bits = here >>> 24;
					here_op = here >>> 16 & 255;
					here_val = here & 65535;
					if (last_bits + here_bits <= bits) break;
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				hold >>>= last_bits;
				bits -= last_bits;
				state.back += last_bits;
			}
			hold >>>= here_bits;
			bits -= here_bits;
			state.back += here_bits;
			if (here_op & 64) {
				strm.msg = "invalid distance code";
				state.mode = BAD;
				break;
			}
			state.offset = here_val;
			state.extra = here_op & 15;
			state.mode = DISTEXT;
		case DISTEXT:
			if (state.extra) {
				n = state.extra;
				while (bits < n) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				state.offset += hold & (1 << state.extra) - 1;
				hold >>>= state.extra;
				bits -= state.extra;
				state.back += state.extra;
			}
			if (state.offset > state.dmax) {
				strm.msg = "invalid distance too far back";
				state.mode = BAD;
				break;
			}
			state.mode = MATCH;
		case MATCH:
			if (left === 0) break inf_leave;
			copy = _out - left;
			if (state.offset > copy) {
				copy = state.offset - copy;
				if (copy > state.whave) {
					if (state.sane) {
						strm.msg = "invalid distance too far back";
						state.mode = BAD;
						break;
					}
				}
				if (copy > state.wnext) {
					copy -= state.wnext;
					from = state.wsize - copy;
				} else from = state.wnext - copy;
				if (copy > state.length) copy = state.length;
				from_source = state.window;
			} else {
				from_source = output;
				from = put - state.offset;
				copy = state.length;
			}
			if (copy > left) copy = left;
			left -= copy;
			state.length -= copy;
			do
				output[put++] = from_source[from++];
			while (--copy);
			if (state.length === 0) state.mode = LEN;
			break;
		case LIT:
			if (left === 0) break inf_leave;
			output[put++] = state.length;
			left--;
			state.mode = LEN;
			break;
		case CHECK:
			if (state.wrap) {
				while (bits < 32) {
					if (have === 0) break inf_leave;
					have--;
					hold |= input[next++] << bits;
					bits += 8;
				}
				_out -= left;
				strm.total_out += _out;
				state.total += _out;
				if (state.wrap & 4 && _out) strm.adler = state.check = state.flags ? crc32(state.check, output, _out, put - _out) : adler32(state.check, output, _out, put - _out);
				_out = left;
				if (state.wrap & 4 && (state.flags ? hold : zswap32(hold)) !== state.check) {
					strm.msg = "incorrect data check";
					state.mode = BAD;
					break;
				}
				hold = 0;
				bits = 0;
			}
			state.mode = LENGTH;
		case LENGTH:
			if (state.wrap && state.flags) {
				while (bits < 32) {
					if (have === 0) break inf_leave;
					have--;
					hold += input[next++] << bits;
					bits += 8;
				}
				if (state.wrap & 4 && hold !== (state.total & 4294967295)) {
					strm.msg = "incorrect length check";
					state.mode = BAD;
					break;
				}
				hold = 0;
				bits = 0;
			}
			state.mode = DONE;
		case DONE:
			ret = 1;
			break inf_leave;
		case BAD:
			ret = -3;
			break inf_leave;
		case MEM: return -4;
		case SYNC:
		default: return -2;
	}
	strm.next_out = put;
	strm.avail_out = left;
	strm.next_in = next;
	strm.avail_in = have;
	state.hold = hold;
	state.bits = bits;
	if (state.wsize || _out !== strm.avail_out && state.mode < BAD && (state.mode < CHECK || flush !== 4)) {
		if (updatewindow(strm, strm.output, strm.next_out, _out - strm.avail_out)) {
			state.mode = MEM;
			return -4;
		}
	}
	_in -= strm.avail_in;
	_out -= strm.avail_out;
	strm.total_in += _in;
	strm.total_out += _out;
	state.total += _out;
	if (state.wrap & 4 && _out) strm.adler = state.check = state.flags ? crc32(state.check, output, _out, strm.next_out - _out) : adler32(state.check, output, _out, strm.next_out - _out);
	strm.data_type = state.bits + (state.last ? 64 : 0) + (state.mode === TYPE ? 128 : 0) + (state.mode === LEN_ || state.mode === COPY_ ? 256 : 0);
	if ((_in === 0 && _out === 0 || flush === 4) && ret === 0) ret = -5;
	return ret;
};
var inflateEnd = (strm) => {
	if (inflateStateCheck(strm)) return -2;
	let state = strm.state;
	if (state.window) state.window = null;
	strm.state = null;
	return 0;
};
var inflateGetHeader = (strm, head) => {
	if (inflateStateCheck(strm)) return -2;
	const state = strm.state;
	if ((state.wrap & 2) === 0) return -2;
	state.head = head;
	head.done = false;
	return 0;
};
var inflateSetDictionary = (strm, dictionary) => {
	const dictLength = dictionary.length;
	let state;
	let dictid;
	let ret;
	if (inflateStateCheck(strm)) return -2;
	state = strm.state;
	if (state.wrap !== 0 && state.mode !== DICT) return -2;
	if (state.mode === DICT) {
		dictid = 1;
		dictid = adler32(dictid, dictionary, dictLength, 0);
		if (dictid !== state.check) return -3;
	}
	ret = updatewindow(strm, dictionary, dictLength, dictLength);
	if (ret) {
		state.mode = MEM;
		return -4;
	}
	state.havedict = 1;
	return 0;
};
//#endregion
//#region src/zlib/zstream.mjs
var ZStream = class {
	constructor() {
		this.input = null;
		this.next_in = 0;
		this.avail_in = 0;
		this.total_in = 0;
		this.output = null;
		this.next_out = 0;
		this.avail_out = 0;
		this.total_out = 0;
		this.msg = "";
		this.state = null;
		this.data_type = 2;
		this.adler = 0;
	}
};
//#endregion
//#region src/zlib/gzheader.mjs
var GZheader = class {
	constructor() {
		this.text = 0;
		this.time = 0;
		this.xflags = 0;
		this.os = 0;
		this.extra = null;
		this.extra_len = 0;
		this.name = "";
		this.comment = "";
		this.hcrc = 0;
		this.done = false;
	}
};
//#endregion
//#region src/utils.ts
var flattenChunks = (chunks) => {
	const result = new Uint8Array(chunks.reduce((len, chunk) => len + chunk.length, 0));
	let pos = 0;
	for (const chunk of chunks) {
		result.set(chunk, pos);
		pos += chunk.length;
	}
	return result;
};
//#endregion
//#region src/deflate.ts
var toString$1 = Object.prototype.toString;
var defaultOptions$1 = {
	level: -1,
	chunkSize: 16384,
	windowBits: 15,
	memLevel: 8,
	strategy: 0,
	raw: false,
	gzip: false,
	legacyHash: false,
	dictionary: /* @__PURE__ */ new Uint8Array(0)
};
/**
* Generic JS-style wrapper for zlib calls. If you don't need
* streaming behaviour, use the simpler functions {@link deflate},
* {@link deflateRaw} and {@link gzip}.
*/
var Deflate = class {
	options;
	/**
	* Error code after deflate finishes. {@link Z_OK} on success.
	* You will not need it in real life, because deflate errors
	* are possible only on wrong options or bad custom `onData` / `onEnd`
	* handlers.
	*/
	err;
	/** Error message, if {@link Deflate.err} is not {@link Z_OK}. */
	msg;
	ended;
	started;
	/**
	* Chunks of output data, if {@link Deflate.onData} not overridden.
	* @internal
	*/
	chunks;
	strm;
	/**
	* Compressed result, generated by default {@link Deflate.onData}
	* and {@link Deflate.onEnd} handlers. Filled after you push last chunk
	* (call {@link Deflate.push} with {@link Z_FINISH} / `true` param).
	*/
	result;
	/**
	* Creates a new deflator instance with the specified params. Throws an
	* exception on bad params. See {@link DeflateOptions} for the list of
	* supported options.
	*
	* @example
	* ```javascript
	* import { Deflate } from 'pako'
	*
	* const chunk1 = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])
	* const chunk2 = new Uint8Array([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
	*
	* const deflate = new Deflate({ level: 3 })
	*
	* deflate.push(chunk1, false)
	* deflate.push(chunk2, true)  // true -> last chunk
	*
	* if (deflate.err) throw new Error(deflate.err)
	*
	* console.log(deflate.result)
	* ```
	*/
	constructor(options = {}) {
		this.options = Object.assign({}, defaultOptions$1, options);
		const opt = this.options;
		if (opt.raw && opt.windowBits > 0) opt.windowBits = -opt.windowBits;
		else if (opt.gzip && opt.windowBits > 0 && opt.windowBits < 16) opt.windowBits += 16;
		this.err = 0;
		this.msg = "";
		this.ended = false;
		this.started = false;
		this.chunks = [];
		this.result = /* @__PURE__ */ new Uint8Array(0);
		this.strm = new ZStream();
		this.strm.avail_out = 0;
		let status = deflateInit2(this.strm, opt.level, 8, opt.windowBits, opt.memLevel, opt.strategy, opt.legacyHash);
		if (status !== 0) throw new Error(messages_default[status]);
		if (toString$1.call(opt.dictionary) === "[object ArrayBuffer]") opt.dictionary = new Uint8Array(opt.dictionary);
		const dictionary = opt.dictionary;
		if (dictionary.length) {
			if (opt.gzip) throw new Error("dictionary is not supported with gzip");
			status = deflateSetDictionary(this.strm, dictionary);
			if (status !== 0) throw new Error(messages_default[status]);
		}
	}
	/**
	* Sends input data to the deflate pipe, generating {@link Deflate.onData} calls
	* with new compressed chunks. Returns `true` on success. The last data block must
	* have `flush_mode` {@link Z_FINISH} (or `true`). That will flush the internal
	* pending buffers and call {@link Deflate.onEnd}.
	*
	* On failure, calls {@link Deflate.onEnd} with the error code and returns false.
	*
	* @param data input data. Strings will be converted to utf8 byte sequence.
	* @param flush_mode 0..6 for corresponding {@link Z_NO_FLUSH}..{@link Z_TREES} modes.
	*   See constants. Skipped or `false` means {@link Z_NO_FLUSH}, `true` means {@link Z_FINISH}.
	*
	* @example
	* ```javascript
	* push(chunk, false) // push one of data chunks
	* ...
	* push(chunk, true)  // push last chunk
	* ```
	*/
	push(data, flush_mode = false) {
		const strm = this.strm;
		const chunkSize = this.options.chunkSize;
		let status;
		let _flush_mode;
		if (this.ended) return false;
		if (typeof flush_mode === "number") _flush_mode = flush_mode;
		else _flush_mode = flush_mode === true ? 4 : 0;
		if (typeof data === "string") strm.input = new TextEncoder().encode(data);
		else if (toString$1.call(data) === "[object ArrayBuffer]") strm.input = new Uint8Array(data);
		else strm.input = data;
		strm.next_in = 0;
		strm.avail_in = strm.input.length;
		if (!this.started) {
			this.started = true;
			this.onStart(strm);
		}
		for (;;) {
			if (strm.avail_out === 0) {
				strm.output = new Uint8Array(chunkSize);
				strm.next_out = 0;
				strm.avail_out = chunkSize;
			}
			if ((_flush_mode === 2 || _flush_mode === 3) && strm.avail_out <= 6) {
				this.onData(strm.output.subarray(0, strm.next_out));
				strm.avail_out = 0;
				continue;
			}
			status = deflate$1(strm, _flush_mode);
			if (status === -2) break;
			if (status === 1) {
				if (strm.next_out > 0) this.onData(strm.output.subarray(0, strm.next_out));
				status = deflateEnd(this.strm);
				break;
			}
			if (strm.avail_out === 0) {
				this.onData(strm.output);
				continue;
			}
			if (_flush_mode > 0 && strm.next_out > 0) {
				this.onData(strm.output.subarray(0, strm.next_out));
				strm.avail_out = 0;
				continue;
			}
			if (strm.avail_in === 0) return true;
		}
		this.err = status;
		this.msg = strm.msg || messages_default[status];
		this.ended = true;
		this.onEnd(status);
		return status === 0;
	}
	/**
	* Called once before the first low-level deflate call.
	*/
	onStart(strm) {}
	/**
	* By default, stores data blocks in the {@link Deflate.chunks} property and glues
	* them in {@link Deflate.onEnd}. Override this handler if you need another behaviour.
	*/
	onData(chunk) {
		this.chunks.push(chunk);
	}
	/**
	* Called once after you tell deflate that the input stream is
	* complete ({@link Z_FINISH}). By default, joins the collected {@link Deflate.chunks}
	* into the {@link Deflate.result} property.
	*
	* @param status deflate status. {@link Z_OK} on success, other if not.
	*/
	onEnd(status) {
		if (status === 0) this.result = flattenChunks(this.chunks);
		this.chunks = [];
	}
};
/**
* Compress `data` with deflate algorithm and `options`.
* See {@link DeflateOptions} for the list of supported options.
*
* @example
* ```javascript
* import { deflate } from 'pako'
*
* const data = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])
*
* console.log(deflate(data))
* ```
*/
function deflate(input, options = {}) {
	const deflator = new Deflate(options);
	deflator.push(input, true);
	if (deflator.err) throw new Error(deflator.msg);
	return deflator.result;
}
/**
* The same as {@link deflate}, but creates raw data without a wrapper
* (header and adler32 crc).
*/
function deflateRaw(input, options = {}) {
	return deflate(input, Object.assign({}, options, { raw: true }));
}
/**
* The same as {@link deflate}, but creates a gzip wrapper instead of
* a deflate one.
*/
function gzip(input, options = {}) {
	return deflate(input, Object.assign({}, options, { gzip: true }));
}
//#endregion
//#region src/inflate.ts
var pako_toString = Object.prototype.toString;
var defaultOptions = {
	chunkSize: 1024 * 64,
	windowBits: 15,
	raw: false,
	dictionary: /* @__PURE__ */ new Uint8Array(0)
};
/**
* Generic JS-style wrapper for zlib calls. If you don't need
* streaming behaviour, use the simpler functions {@link inflate}
* and {@link inflateRaw}.
*/
var Inflate = class {
	options;
	/**
	* Error code after inflate finishes. {@link Z_OK} on success.
	* Should be checked when broken data is possible.
	*/
	err;
	/** Error message, if {@link Inflate.err} is not {@link Z_OK}. */
	msg;
	/**
	* `true` once the compressed stream has ended. A stream may end before the
	* caller's data does (trailing bytes), so check this to know when to stop
	* pushing - further {@link Inflate.push} calls are no-ops.
	*/
	ended;
	started;
	/**
	* Chunks of output data, if {@link Inflate.onData} not overridden.
	* @internal
	*/
	chunks;
	strm;
	/**
	* Uncompressed result, generated by default {@link Inflate.onData}
	* and {@link Inflate.onEnd} handlers. Filled after you push last chunk
	* (call {@link Inflate.push} with {@link Z_FINISH} / `true` param).
	*/
	result;
	/**
	* Creates a new inflator instance with the specified params. Throws an
	* exception on bad params. See {@link InflateOptions} for the list of
	* supported options.
	*
	* By default, when no options are set, the deflate/gzip data format is
	* autodetected via the wrapper header.
	*
	* @example
	* ```javascript
	* import { Inflate } from 'pako'
	*
	* const chunk1 = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])
	* const chunk2 = new Uint8Array([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
	*
	* const inflate = new Inflate({ level: 3 })
	*
	* inflate.push(chunk1, false)
	* inflate.push(chunk2, true)  // true -> last chunk
	*
	* if (inflate.err) throw new Error(inflate.err)
	*
	* console.log(inflate.result)
	* ```
	*/
	constructor(options = {}) {
		this.options = Object.assign({}, defaultOptions, options);
		const opt = this.options;
		if (opt.raw && opt.windowBits >= 0 && opt.windowBits < 16) {
			opt.windowBits = -opt.windowBits;
			if (opt.windowBits === 0) opt.windowBits = -15;
		}
		if (opt.windowBits >= 0 && opt.windowBits < 16 && !options.windowBits) opt.windowBits += 32;
		if (opt.windowBits > 15 && opt.windowBits < 48) {
			if ((opt.windowBits & 15) === 0) opt.windowBits |= 15;
		}
		this.err = 0;
		this.msg = "";
		this.ended = false;
		this.started = false;
		this.chunks = [];
		this.result = /* @__PURE__ */ new Uint8Array(0);
		this.strm = new ZStream();
		this.strm.avail_out = 0;
		let status = inflateInit2(this.strm, opt.windowBits);
		if (status !== 0) throw new Error(messages_default[status]);
		if (pako_toString.call(opt.dictionary) === "[object ArrayBuffer]") opt.dictionary = new Uint8Array(opt.dictionary);
		const dictionary = opt.dictionary;
		if (opt.raw && dictionary.length) {
			status = inflateSetDictionary(this.strm, dictionary);
			if (status !== 0) throw new Error(messages_default[status]);
		}
	}
	/**
	* Sends input data to the inflate pipe, generating {@link Inflate.onData} calls
	* with new output chunks. Returns `true` on success. If end of stream is
	* detected, {@link Inflate.onEnd} will be called.
	*
	* `flush_mode` is not needed for normal operation, because end of stream
	* is detected automatically. Pass {@link Z_SYNC_FLUSH} to force the decoder
	* to emit all currently available output — handy when you need to decode
	* data frame-by-frame from a long-running stream.
	*
	* On failure, calls {@link Inflate.onEnd} with the error code and returns false.
	*
	* Once the stream has ended (a compressed stream may end before your data
	* does), further `push` calls are no-ops and return whether the decode
	* finished successfully. The final outcome is in {@link Inflate.result},
	* {@link Inflate.err} and {@link Inflate.msg}.
	*
	* @param flush_mode 0..6 for corresponding {@link Z_NO_FLUSH}..{@link Z_TREES}
	*   flush modes. See constants. Skipped or `false` means {@link Z_NO_FLUSH},
	*   `true` means {@link Z_FINISH}.
	*
	* @example
	* ```javascript
	* push(chunk, false) // push one of data chunks
	* ...
	* push(chunk, true)  // push last chunk
	* ```
	*/
	push(data, flush_mode = false) {
		const strm = this.strm;
		const chunkSize = this.options.chunkSize;
		let status;
		let _flush_mode;
		let last_avail_out;
		if (this.ended) return this.err === 0;
		if (typeof flush_mode === "number") _flush_mode = flush_mode;
		else _flush_mode = flush_mode === true ? 4 : 0;
		if (pako_toString.call(data) === "[object ArrayBuffer]") strm.input = new Uint8Array(data);
		else strm.input = data;
		strm.next_in = 0;
		strm.avail_in = strm.input.length;
		if (!this.started) {
			this.started = true;
			this.onStart(strm);
		}
		for (;;) {
			if (strm.avail_out === 0) {
				strm.output = new Uint8Array(chunkSize);
				strm.next_out = 0;
				strm.avail_out = chunkSize;
			}
			status = inflate$1(strm, _flush_mode);
			if (status === 2) {
				const dictionary = this.options.dictionary;
				if (dictionary.length) {
					status = inflateSetDictionary(strm, dictionary);
					if (status === 0) status = inflate$1(strm, _flush_mode);
					else if (status === -3) status = 2;
				}
			}
			while (strm.avail_in > 0 && status === 1 && strm.state.wrap & 2 && strm.state.flags !== 0 && strm.input[strm.next_in] !== 0) {
				inflateReset(strm);
				status = inflate$1(strm, _flush_mode);
			}
			if (status === -2 || status === -3 || status === 2 || status === -4) break;
			last_avail_out = strm.avail_out;
			if (strm.next_out) {
				if (strm.avail_out === 0 || status === 1 || _flush_mode > 0) {
					this.onData(strm.output.length === strm.next_out ? strm.output : strm.output.subarray(0, strm.next_out));
					strm.avail_out = 0;
					strm.next_out = 0;
				}
			}
			if ((status === 0 || status === -5) && last_avail_out === 0) continue;
			if (status === 1) {
				status = inflateEnd(this.strm);
				break;
			}
			if (strm.avail_in === 0) {
				if (_flush_mode === 4) {
					status = inflateEnd(this.strm);
					if (status === 0) status = -5;
					break;
				}
				return true;
			}
		}
		this.err = status;
		this.msg = strm.msg || messages_default[status];
		this.ended = true;
		this.onEnd(status);
		return status === 0;
	}
	/**
	* Called once before the first low-level inflate call.
	*
	* Override this handler to attach low-level inflate state, for example to read
	* gzip header metadata:
	*
	* ```javascript
	* import { Inflate, GZheader, zlibInflateGetHeader } from 'pako'
	*
	* const inflator = new Inflate()
	*
	* inflator.onStart = function (strm) {
	*   this.header = new GZheader()
	*   zlibInflateGetHeader(strm, this.header)
	* }
	*
	* inflator.push(data, true)
	* console.log(inflator.header.name)
	* ```
	*/
	onStart(strm) {}
	/**
	* By default, stores data blocks in the {@link Inflate.chunks} property and glues
	* them in {@link Inflate.onEnd}. Override this handler if you need another behaviour.
	*
	* @param chunk output data.
	*/
	onData(chunk) {
		this.chunks.push(chunk);
	}
	/**
	* Called after you tell inflate that the input stream is
	* complete ({@link Z_FINISH}). By default, joins the collected {@link Inflate.chunks},
	* frees memory and fills the {@link Inflate.result} property.
	*
	* @param status inflate status. {@link Z_OK} on success, other if not.
	*/
	onEnd(status) {
		if (status === 0) this.result = flattenChunks(this.chunks);
		this.chunks = [];
	}
};
/**
* One-shot inflate decompress. Autodetects `gzip`/`zlib`
* format via the wrapper header — so {@link ungzip} is just a convenience alias of
* this function. See {@link InflateOptions} for zlib options. Set
* `toText: true` to decode the result as UTF-8 text.
*
* @example
* ```javascript
* import { deflate, inflate } from 'pako'
*
* const input = deflate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))
* let output
*
* try {
*   output = inflate(input)
* } catch (err) {
*   console.log(err)
* }
* ```
*/
function inflate(input, options = {}) {
	const inflator = new Inflate(options);
	inflator.push(input, true);
	if (inflator.err) throw new Error(inflator.msg);
	const result = inflator.result;
	return options.toText ? new TextDecoder().decode(result) : result;
}
/**
* The same as {@link inflate}, but consumes raw data without a wrapper
* (header and adler32 crc).
*/
function inflateRaw(input, options = {}) {
	return inflate(input, {
		...options,
		raw: true
	});
}
//#endregion


//# sourceMappingURL=pako.mjs.map
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __nccwpck_require__(6118);
;// CONCATENATED MODULE: ./src/image/layer.ts
// One image layer as a deterministic tar, then gzip. Every byte of the output depends
// only on the entries and the epoch, so the same inputs give the same digest anywhere.




/**
 * The latest time a layer entry can carry, in seconds since 1970 (2242-03-16): ustar
 * stores mtime in 11 octal digits. Settings refuse a later SOURCE_DATE_EPOCH by it.
 */
const MAX_LAYER_EPOCH = 8 ** 11 - 1;
function sha256(data) {
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex')}`;
}
/**
 * Orders entries by their tar name compared as bytes, with a trailing slash on
 * directories: a directory's name is a prefix of its contents' names, so it always
 * comes first, and the order does not depend on locale or on the walk that found them.
 */
function sortEntries(entries) {
    const key = (e) => Buffer.from(e.type === 'directory' ? `${e.path}/` : e.path, 'utf8');
    return [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
}
// A malformed list is a bug in the caller (rootfs builds it), not something a user did.
function checkEntries(entries) {
    const kinds = new Map();
    for (const entry of entries) {
        const { path } = entry;
        if (path === '' || path.startsWith('/') || path.endsWith('/') || external_node_path_namespaceObject.posix.normalize(path) !== path || path.split('/').includes('..')) {
            throw new Error(`layer entry path ${JSON.stringify(path)} is not a normalized relative path`);
        }
        if (kinds.has(path))
            throw new Error(`layer entry ${JSON.stringify(path)} is listed twice`);
        kinds.set(path, entry.type);
    }
    for (const { path } of entries) {
        const parent = external_node_path_namespaceObject.posix.dirname(path);
        if (parent !== '.' && kinds.get(parent) !== 'directory') {
            throw new Error(`layer entry ${JSON.stringify(path)} has no parent directory entry ${JSON.stringify(parent)}`);
        }
    }
}
function header(entry, mtime) {
    // Empty uname/gname: ids alone say who owns a file, and names would differ by builder.
    const common = { name: entry.path, uid: 0, gid: 0, uname: '', gname: '', mtime };
    switch (entry.type) {
        case 'directory':
            // The trailing slash is what GNU tar and Docker write; tar-stream would not add it.
            return { ...common, name: `${entry.path}/`, type: 'directory', mode: entry.mode };
        case 'file':
            return { ...common, type: 'file', mode: entry.mode, size: entry.data.length };
        case 'symlink':
            return { ...common, type: 'symlink', mode: 0o777, linkname: entry.target };
    }
}
/**
 * The uncompressed tar. tar-stream writes plain ustar headers and adds a pax header only
 * for a name that ustar cannot hold (longer than its fields, or not ASCII).
 */
async function layerTar(entries, epoch) {
    if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_LAYER_EPOCH) {
        throw new Error(`layer epoch must be whole seconds between 0 and ${MAX_LAYER_EPOCH}, got ${epoch}`);
    }
    checkEntries(entries);
    const mtime = new Date(epoch * 1000);
    const tar = (0,tar_stream.pack)();
    const chunks = [];
    // Read while writing: the pack stream holds back entries until its output is consumed.
    const drained = (async () => {
        for await (const chunk of tar)
            chunks.push(chunk);
    })();
    for (const entry of sortEntries(entries)) {
        await new Promise((resolve, reject) => {
            const done = (err) => (err ? reject(err) : resolve());
            if (entry.type === 'file')
                tar.entry(header(entry, mtime), entry.data, done);
            else
                tar.entry(header(entry, mtime), done);
        });
    }
    tar.finalize();
    await drained;
    return Buffer.concat(chunks);
}
/**
 * gzip with a fixed level and no file name or time in the header (pako writes mtime 0,
 * no FNAME, XFL 2, OS 3). pako is plain JavaScript, so unlike node's zlib binding its
 * output cannot change with the machine or the Node release; legacyHash makes it match
 * canonical zlib byte for byte, so others can reproduce the digest with standard zlib.
 */
function gzipDeterministic(data) {
    const out = gzip(data, { level: 9, legacyHash: true });
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
async function buildLayer(entries, epoch) {
    const tar = await layerTar(entries, epoch);
    const compressed = gzipDeterministic(tar);
    return {
        gzip: compressed,
        digest: sha256(compressed),
        size: compressed.length,
        diffId: sha256(tar),
        uncompressedSize: tar.length,
    };
}

;// CONCATENATED MODULE: ./src/image/rootfs.ts
const SERVER_PATH = 'thttpd';
const SITE_DIR = 'www';
const HEALTH_FILE = 'healthz';
const HEALTH_BODY = 'ok\n';
// 65534 is the conventional "nobody" id: the image runs as it (config User), and these
// files let tools that map ids to names (ps, ls, kubectl debug) show one. root is listed
// because every file in the layer is owned by 0:0.
const PASSWD = 'root:x:0:0:root:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n';
const GROUP = 'root:x:0:\nnogroup:x:65534:\n';
/**
 * Every layer entry: the server, the site under /www (the user's own healthz file wins
 * over ours), and the account files. Everything is owned by root, the server 0755 and
 * every other file 0644, so the server, running as 65534, can read and serve them but
 * never change them.
 */
function rootfsEntries(server, site) {
    const underSite = site.map((entry) => ({ ...entry, path: `${SITE_DIR}/${entry.path}` }));
    const hasHealth = site.some((entry) => entry.path === HEALTH_FILE);
    return [
        { type: 'directory', path: 'etc', mode: 0o755 },
        { type: 'file', path: 'etc/group', mode: 0o644, data: Buffer.from(GROUP) },
        { type: 'file', path: 'etc/passwd', mode: 0o644, data: Buffer.from(PASSWD) },
        { type: 'file', path: SERVER_PATH, mode: 0o755, data: server },
        { type: 'directory', path: SITE_DIR, mode: 0o755 },
        ...underSite,
        ...(hasHealth ? [] : [{ type: 'file', path: `${SITE_DIR}/${HEALTH_FILE}`, mode: 0o644, data: Buffer.from(HEALTH_BODY) }]),
    ];
}

;// CONCATENATED MODULE: ./src/image/oci.ts


const MEDIA_TYPES = {
    index: 'application/vnd.oci.image.index.v1+json',
    manifest: 'application/vnd.oci.image.manifest.v1+json',
    config: 'application/vnd.oci.image.config.v1+json',
    layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};
const OCI_LABEL = 'org.opencontainers.image.';
/** JSON with object keys sorted at every depth and no whitespace. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
function blobOf(mediaType, data) {
    return { mediaType, digest: sha256(data), size: data.length, data };
}
function jsonBlob(mediaType, value) {
    return blobOf(mediaType, Buffer.from(canonicalJson(value), 'utf8'));
}
function descriptor(blob) {
    return { mediaType: blob.mediaType, digest: blob.digest, size: blob.size };
}
function ociPlatform(platform) {
    const [os, architecture] = platform.split('/');
    return { os, architecture };
}
/** RFC 3339 in UTC, whole seconds, as the config and the labels write times. */
function isoTime(epoch) {
    return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}
/**
 * The image's labels: the org.opencontainers.image.* set, then the user's map applied
 * last so it can add or override any of them.
 */
function imageLabels(facts, user = {}) {
    const labels = {
        [`${OCI_LABEL}title`]: 'thttpd',
        [`${OCI_LABEL}description`]: `thttpd ${facts.thttpdVersion}, statically linked, alone in a scratch image: serves /${SITE_DIR} on port ${facts.port} as uid 65534`,
        [`${OCI_LABEL}version`]: facts.imageVersion,
        [`${OCI_LABEL}created`]: isoTime(facts.epoch),
        // thttpd's own licence: the image is thttpd and a few text files.
        [`${OCI_LABEL}licenses`]: 'BSD-2-Clause',
        [`${OCI_LABEL}base.name`]: 'scratch',
    };
    if (facts.source)
        labels[`${OCI_LABEL}source`] = facts.source;
    if (facts.revision)
        labels[`${OCI_LABEL}revision`] = facts.revision;
    return { ...labels, ...user };
}
/** The org.opencontainers.image.* labels, which manifests and the index carry as annotations. */
function ociAnnotations(labels) {
    return Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith(OCI_LABEL)));
}
/**
 * The command line: foreground (-D), logs to stderr (a scratch image has no syslog), no
 * chroot (-nor: chroot needs root, and the image never runs as root), and a charset so
 * browsers render the default page and UTF-8 sites as written.
 */
function entrypoint(port) {
    return [`/${SERVER_PATH}`, '-D', '-p', String(port), '-d', `/${SITE_DIR}`, '-l', '/dev/stderr', '-nor', '-T', 'UTF-8'];
}
function imageConfig(facts) {
    const created = isoTime(facts.epoch);
    return jsonBlob(MEDIA_TYPES.config, {
        ...ociPlatform(facts.platform),
        created,
        config: {
            // Numeric, so runAsNonRoot can verify it without reading /etc/passwd.
            User: '65534:65534',
            ExposedPorts: { [`${facts.port}/tcp`]: {} },
            Entrypoint: entrypoint(facts.port),
            // thttpd changes into -d itself; this says the same to tools that start processes.
            WorkingDir: `/${SITE_DIR}`,
            // thttpd exits at once on SIGTERM; SIGUSR1 lets it finish the connections it has.
            StopSignal: 'SIGUSR1',
            Labels: facts.labels,
        },
        rootfs: { type: 'layers', diff_ids: [facts.diffId] },
        history: [{ created, created_by: `static-thttpd: thttpd ${facts.thttpdVersion}, site and account files` }],
    });
}
function imageManifest(config, layer, annotations) {
    return jsonBlob(MEDIA_TYPES.manifest, {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.manifest,
        config: descriptor(config),
        layers: [descriptor(layer)],
        annotations,
    });
}
/**
 * The index: one descriptor per platform, so a runtime picks its own, and the
 * annotations at the top, where registries look for a multi-platform image's description.
 */
function imageIndex(manifests, annotations) {
    return jsonBlob(MEDIA_TYPES.index, {
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.index,
        manifests: manifests.map(({ platform, manifest }) => ({ ...descriptor(manifest), platform: ociPlatform(platform) })),
        annotations,
    });
}

;// CONCATENATED MODULE: ./src/folders.ts
// Folders the user names for results (the image archive, the CLI's binaries): where they
// stand, and making them one level at a time, because Node 20's recursive mkdir never
// returns for a path it cannot create under /proc. Callers phrase the failures, since
// each names its own input.


const errorCode = (error) => error.code ?? error.message;
/** What stands at `path`; an error other than "not there" is thrown as it came. */
async function pathKind(path) {
    try {
        const info = await (0,promises_namespaceObject.stat)(path);
        return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'special file';
    }
    catch (error) {
        // ENOTDIR: a file stands where a parent folder should; a walk up names it.
        const code = errorCode(error);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return 'missing';
        throw error;
    }
}
/** From `dir` up to the nearest folder that exists: the folders to create (outermost first), or what is in the way. */
async function walkToFolder(dir) {
    const missing = [];
    for (let at = dir;; at = (0,external_node_path_namespaceObject.dirname)(at)) {
        const kind = await pathKind(at);
        if (kind === 'folder')
            return { existing: at, missing };
        if (kind !== 'missing')
            return { blocked: at, kind };
        missing.unshift(at);
    }
}
/** Creates each folder (outermost first) with a plain mkdir; returns those it made. On failure removes them and throws. */
async function makeFolders(missing) {
    const created = [];
    for (const folder of missing) {
        try {
            await (0,promises_namespaceObject.mkdir)(folder);
            created.push(folder);
        }
        catch (error) {
            if (errorCode(error) === 'EEXIST')
                continue;
            await removeFolders(created);
            throw error;
        }
    }
    return created;
}
/** Removes folders a run made, innermost first; one that is no longer empty stays. */
async function removeFolders(created) {
    for (const folder of [...created].reverse())
        await (0,promises_namespaceObject.rmdir)(folder).catch(() => undefined);
}
/**
 * Whether something can be created in `dir`, found by creating and removing an empty folder:
 * the one test that answers for root, ACLs, read-only mounts and /proc alike. Undefined
 * when it can, else the error code.
 */
async function cannotCreateIn(dir) {
    try {
        await (0,promises_namespaceObject.rmdir)(await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(dir, '.static-thttpd-probe-')));
        return undefined;
    }
    catch (error) {
        return errorCode(error);
    }
}

;// CONCATENATED MODULE: ./src/image/output-path.ts
// Where the image is written (`output`): checked before the build, the slow part, and
// again just before writing.




/** A path ending in `.tar` gets one archive file; any other an OCI image layout folder. */
const isTarPath = (path) => path.endsWith('.tar');
async function kindOf(path) {
    try {
        return await pathKind(path);
    }
    catch (error) {
        throw new Failure(`output: expected to look at ${JSON.stringify(path)}, could not (${errorCode(error)}): choose a path this job can read`);
    }
}
/** The folders to create above `target`, outermost first, and the folder that exists above them. */
async function parentFolders(target) {
    let walk;
    try {
        walk = await walkToFolder((0,external_node_path_namespaceObject.dirname)(target));
    }
    catch (error) {
        throw new Failure(`output: expected to look at the folders above ${JSON.stringify(target)}, could not (${errorCode(error)}): choose a path this job can read`);
    }
    if ('blocked' in walk) {
        throw new Failure(`output: expected ${JSON.stringify(walk.blocked)} to be a folder to hold ${JSON.stringify(target)}, found a ${walk.kind}: choose a path whose parents are folders`);
    }
    return walk;
}
/**
 * Refuses an output the write would fail on or should not touch: a .tar where a folder or
 * device is, a layout where a file is or over a folder holding other things (a mistyped
 * `.` or home folder is never wiped), a parent that is a file, or a folder nothing can be
 * created in (read-only, not ours, or virtual like /proc).
 */
async function checkOutputPath(path) {
    const target = (0,external_node_path_namespaceObject.resolve)(path);
    const kind = await kindOf(target);
    if (isTarPath(target)) {
        if (kind !== 'missing' && kind !== 'file') {
            throw new Failure(`output: expected ${JSON.stringify(target)} to be a new or existing file for the image archive, found a ${kind}: choose another path`);
        }
    }
    else if (kind === 'file' || kind === 'special file') {
        throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a ${kind}: choose another path, or end it in .tar for an archive`);
    }
    else if (kind === 'folder') {
        let names;
        try {
            names = await (0,promises_namespaceObject.readdir)(target);
        }
        catch (err) {
            throw new Failure(`output: expected to list the folder ${JSON.stringify(target)} before replacing it, could not (${errorCode(err)}): choose another path`);
        }
        if (names.length && !names.includes('oci-layout')) {
            throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a folder holding other files: choose another path`);
        }
    }
    const { existing } = await parentFolders(target);
    const code = await cannotCreateIn(existing);
    if (code) {
        throw new Failure(`output: expected to write ${JSON.stringify(target)}, but nothing can be created in ${JSON.stringify(existing)} (${code}): choose a path in a folder this job can write`);
    }
}
/** Creates the folders above `target` that are missing, one plain mkdir each. */
async function makeParentFolders(target) {
    await makeFolders((await parentFolders(target)).missing);
}

;// CONCATENATED MODULE: ./src/registry/reference.ts
// Image names as people write them (`ghcr.io/me/web`, `me/web`, `localhost:5000/a/b`),
// turned into the host the registry API answers on and the repository path. The rules are
// Docker's (distribution/reference), so a name means here what it means to `docker push`.

const DOCKER_HUB_DOMAIN = 'docker.io';
/** Docker Hub names itself docker.io but serves the API elsewhere. */
const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PORT = /^[0-9]{1,5}$/;
// distribution caps the whole name (domain included) at 255 characters.
const MAX_NAME_LENGTH = 255;
const EXAMPLES = 'e.g. `ghcr.io/me/web`, `docker.io/me/web` or `localhost:5000/web`';
function invalid(input, found, todo) {
    return new Failure(`Expected an image name without tag or digest (${EXAMPLES}), found \`${input}\`: ${found}. ${todo}`);
}
/** Docker's rule: the first component is a registry only if it looks like a host. */
function looksLikeDomain(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[');
}
function validDomain(domain) {
    // Bracketed IPv6, as in `[::1]:5000/web`.
    const v6 = /^\[([0-9a-fA-F:.]+)\](?::([0-9]+))?$/.exec(domain);
    if (v6)
        return v6[2] === undefined || (PORT.test(v6[2]) && Number(v6[2]) <= 65535);
    const colon = domain.lastIndexOf(':');
    const host = colon === -1 ? domain : domain.slice(0, colon);
    const port = colon === -1 ? undefined : domain.slice(colon + 1);
    if (port !== undefined && !(PORT.test(port) && Number(port) <= 65535))
        return false;
    return host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}
function parseImageName(raw) {
    const input = raw.trim();
    if (input === '')
        throw invalid(raw, 'an empty string', 'Set the image input to the registry and repository to push to.');
    if (/\s/.test(input))
        throw invalid(input, 'it contains white space', 'Remove the spaces.');
    if (input.includes('@')) {
        throw invalid(input, 'it carries a digest (`@…`)', 'Drop the `@sha256:…` part: the digest is the result of a push, not an input.');
    }
    if (input.includes('://')) {
        throw invalid(input, 'it carries a URL scheme', 'Drop the `https://` part: the registry is spoken to over HTTPS anyway.');
    }
    const slash = input.indexOf('/');
    const first = slash === -1 ? input : input.slice(0, slash);
    let domain;
    let path;
    if (slash !== -1 && looksLikeDomain(first)) {
        domain = first.toLowerCase();
        path = input.slice(slash + 1);
    }
    else {
        if (slash === -1 && looksLikeDomain(first.split(':')[0] ?? '') && /:[0-9]+$/.test(input)) {
            throw invalid(input, 'it names a registry but no repository', `Add the repository after a slash, e.g. \`${input}/web\`.`);
        }
        domain = DOCKER_HUB_DOMAIN;
        path = input;
    }
    if (!validDomain(domain)) {
        throw invalid(input, `\`${domain}\` is not a valid registry host[:port]`, 'Check the registry part of the name.');
    }
    const lastComponent = path.slice(path.lastIndexOf('/') + 1);
    if (lastComponent.includes(':')) {
        const [repo, tag] = [path.slice(0, path.lastIndexOf(':')), path.slice(path.lastIndexOf(':') + 1)];
        throw invalid(input, `it carries the tag \`${tag}\``, `Give the name alone (\`${domain === DOCKER_HUB_DOMAIN && slash === -1 ? repo : input.slice(0, input.lastIndexOf(':'))}\`) and the tags separately.`);
    }
    if (DOCKER_HUB_ALIASES.has(domain)) {
        domain = DOCKER_HUB_DOMAIN;
        // Official images live under library/ on Docker Hub; `nginx` means `library/nginx`.
        if (!path.includes('/'))
            path = `library/${path}`;
    }
    if (path === '')
        throw invalid(input, 'the repository path is empty', `Add the repository after the slash, e.g. \`${domain}/me/web\`.`);
    const bad = path.split('/').find((c) => !PATH_COMPONENT.test(c));
    if (bad !== undefined) {
        const hint = bad !== bad.toLowerCase()
            ? `Repository names must be lowercase: try \`${domain}/${path.toLowerCase()}\`.`
            : 'Each path component must be lowercase letters and digits, separated by `.`, `_`, `__` or dashes, with no empty components.';
        throw invalid(input, `the path component \`${bad}\` is not a valid repository name`, hint);
    }
    const name = `${domain}/${path}`;
    if (name.length > MAX_NAME_LENGTH) {
        throw invalid(input, `it is ${name.length} characters long`, `Shorten it to at most ${MAX_NAME_LENGTH} characters.`);
    }
    return {
        registry: domain === DOCKER_HUB_DOMAIN ? DOCKER_HUB_REGISTRY : domain,
        domain,
        repository: path,
        name,
    };
}
function isDockerHub(name) {
    return name.domain === DOCKER_HUB_DOMAIN;
}
/** The tag grammar of the distribution spec. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

;// CONCATENATED MODULE: ./src/image/reference.ts
// Image references as the loaders of an archive need them: Docker and podman take the
// name as written, containerd (kind, k3s) needs it fully qualified, because the kubelet
// asks for `docker.io/library/web:1` when a pod says `web:1`. The name's grammar is the
// registry's (one parser for both); only the tag is split off here.


function parseImageRef(text) {
    const bad = (why) => new Failure(`image reference: expected NAME[:TAG] such as ghcr.io/me/web:2.29, found ${JSON.stringify(text)} (${why}): fix the reference`);
    const colon = text.lastIndexOf(':');
    const hasTag = colon > text.lastIndexOf('/');
    const repo = hasTag ? text.slice(0, colon) : text;
    const tag = hasTag ? text.slice(colon + 1) : 'latest';
    if (!TAG.test(tag))
        throw bad(`the tag ${JSON.stringify(tag)} is not [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`);
    let qualified;
    try {
        qualified = parseImageName(repo).name;
    }
    catch (error) {
        throw bad(error.message);
    }
    return { name: `${repo}:${tag}`, qualified: `${qualified}:${tag}`, tag };
}

;// CONCATENATED MODULE: ./src/image/archive.ts
// An image on disk instead of in a registry: an OCI image layout, as a folder (skopeo,
// umoci, crane) or as one tar that `docker load`, `podman load` and `kind load
// image-archive` all accept.









const blobPath = (blob) => `blobs/${blob.digest.replace(':', '/')}`;
/** The refs parsed, each name once as first spelled (`web` and `docker.io/library/web:latest` are one name). */
function uniqueRefs(refs) {
    const byName = new Map();
    for (const ref of refs.map(parseImageRef))
        if (!byName.has(ref.qualified))
            byName.set(ref.qualified, ref);
    return [...byName.values()];
}
/** Every blob once: two platforms built from the same bytes share a layer. */
function uniqueBlobs(image) {
    const all = [image.index, ...image.platforms.flatMap((p) => [p.manifest, p.config, p.layer])];
    return [...new Map(all.map((blob) => [blob.digest, blob])).values()];
}
/**
 * index.json: one entry per name, each pointing at the image index (no platform on the
 * entry: containerd would filter it out). containerd (kind, k3s, Docker's containerd
 * store) names the image from io.containerd.image.name, so it is fully qualified, as the
 * kubelet will ask for it; podman reads that too. org.opencontainers.image.ref.name
 * holds the whole reference rather than a bare tag: skopeo and umoci look images up by
 * it, podman falls back to it as the whole name (a bare tag there gives
 * `localhost/<tag>`), and the OCI grammar for ref.name allows a full reference.
 */
function layoutIndex(image, refs) {
    const names = uniqueRefs(refs);
    const entries = names.length
        ? names.map((ref) => ({
            ...descriptor(image.index),
            annotations: { 'io.containerd.image.name': ref.qualified, 'org.opencontainers.image.ref.name': ref.name },
        }))
        : [descriptor(image.index)];
    return Buffer.from(canonicalJson({ schemaVersion: 2, mediaType: MEDIA_TYPES.index, manifests: entries }), 'utf8');
}
/**
 * The names a .tar's index.json carries: the first only. podman (libimage, every release
 * so far) reads an OCI archive only when its index.json has exactly one entry; with more
 * it falls back to manifest.json, which holds one platform, the wrong one on an arm64
 * host. One entry gives podman and containerd the index, so each picks its own platform,
 * at the cost of the other names, which only manifest.json (docker load) still carries.
 */
function archiveNames(refs) {
    return uniqueRefs(refs)
        .slice(0, 1)
        .map((ref) => ref.name);
}
/**
 * manifest.json, Docker's own archive format, for `docker load` with its classic image
 * store (which reads it rather than index.json). It names one platform, the first, with
 * every name: an entry per platform would load them all, and the last would take the tags.
 * Its paths point into blobs/, so no byte is stored twice; Docker loaders accept gzip'd
 * layers and name them by their diff_id.
 */
function dockerManifest(image, refs) {
    const first = image.platforms[0];
    if (!first)
        throw new Error('an image without platforms cannot be archived');
    return Buffer.from(canonicalJson([{ Config: blobPath(first.config), RepoTags: uniqueRefs(refs).map((ref) => ref.name), Layers: [blobPath(first.layer)] }]), 'utf8');
}
/**
 * The files of the layout. An archive (a .tar) names the image once in index.json and
 * carries manifest.json for Docker; a folder, read by skopeo, umoci or crane by name,
 * names it once per ref.
 */
function layoutFiles(image, refs, archive) {
    return [
        { path: 'oci-layout', data: Buffer.from(canonicalJson({ imageLayoutVersion: '1.0.0' }), 'utf8') },
        { path: 'index.json', data: layoutIndex(image, archive ? archiveNames(refs) : refs) },
        ...(archive ? [{ path: 'manifest.json', data: dockerManifest(image, refs) }] : []),
        ...uniqueBlobs(image).map((blob) => ({ path: blobPath(blob), data: blob.data })),
    ];
}
/**
 * What a loader of the .tar at `path` will not get, as notes for the log: the default
 * archive (three tags) meets the first, so it is information, not a warning. None for a
 * layout folder, which names every ref and whose readers choose a platform themselves.
 */
function archiveNotes(image, path, refs) {
    if (!isTarPath(path))
        return [];
    const warnings = [];
    const names = uniqueRefs(refs).map((ref) => ref.name);
    const [first, ...others] = names;
    if (first && others.length) {
        warnings.push(`output: ${(0,external_node_path_namespaceObject.basename)(path)} names the image ${first} only for podman load, kind load image-archive and Docker's containerd image store (podman reads an OCI archive only when it names one image); ${others.join(', ')} reach docker load with the classic image store alone: add them after loading (podman tag, ctr images tag), or pass one tag`);
    }
    const [firstPlatform, ...otherPlatforms] = image.platforms.map((p) => p.platform);
    if (firstPlatform && otherPlatforms.length) {
        warnings.push(`output: docker load with Docker's classic image store takes ${firstPlatform} from ${(0,external_node_path_namespaceObject.basename)(path)} (its manifest.json has no platforms), whatever the host; podman load, kind load image-archive and Docker's containerd image store take the host's platform from the index`);
    }
    return warnings;
}
/** The image's own time (its config's `created`), so an archive's entries carry the build date, not the clock. */
function archiveEpoch(image) {
    const created = JSON.parse(image.platforms[0]?.config.data.toString('utf8') ?? '{}').created;
    const ms = created ? Date.parse(created) : NaN;
    return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : 0;
}
/** The layout as one tar, by the same deterministic writer as the layers: sorted, 0:0, fixed times. */
async function archiveTar(image, refs) {
    const files = layoutFiles(image, refs, true);
    const entries = [
        { type: 'directory', path: 'blobs', mode: 0o755 },
        { type: 'directory', path: 'blobs/sha256', mode: 0o755 },
        ...files.map((file) => ({ type: 'file', path: file.path, mode: 0o644, data: file.data })),
    ];
    return layerTar(entries, archiveEpoch(image));
}
const tempName = (target, what) => (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(target), `.${(0,external_node_path_namespaceObject.basename)(target)}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.${what}`);
async function writeTarFile(target, data) {
    const temp = tempName(target, 'tmp');
    try {
        await (0,promises_namespaceObject.writeFile)(temp, data, { flag: 'wx', mode: 0o644 });
        await (0,promises_namespaceObject.rename)(temp, target);
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw err;
    }
}
// checkOutputPath has made sure an existing folder here is an image layout (or empty).
async function writeLayoutDir(target, files) {
    const replacing = (0,external_node_fs_namespaceObject.existsSync)(target);
    const temp = tempName(target, 'tmp');
    try {
        for (const folder of [temp, (0,external_node_path_namespaceObject.join)(temp, 'blobs'), (0,external_node_path_namespaceObject.join)(temp, 'blobs', 'sha256')])
            await (0,promises_namespaceObject.mkdir)(folder);
        for (const file of files)
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(temp, file.path), file.data, { mode: 0o644 });
        if (replacing) {
            const old = tempName(target, 'old');
            await (0,promises_namespaceObject.rename)(target, old);
            try {
                await (0,promises_namespaceObject.rename)(temp, target);
            }
            catch (err) {
                await (0,promises_namespaceObject.rename)(old, target);
                throw err;
            }
            await (0,promises_namespaceObject.rm)(old, { recursive: true, force: true });
        }
        else {
            await (0,promises_namespaceObject.rename)(temp, target);
        }
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(temp, { recursive: true, force: true });
        throw err;
    }
}
/**
 * Writes the image to `path`: one tar if it ends in `.tar`, else an OCI layout folder.
 * `refs` (e.g. `ghcr.io/me/web:2.29`) name the image for the loaders. The output appears
 * whole or not at all: it is written under a temporary name beside it, then renamed.
 */
async function writeArchive(image, path, refs) {
    const target = (0,external_node_path_namespaceObject.resolve)(path);
    refs.forEach(parseImageRef); // a bad name fails before anything is written
    await checkOutputPath(target);
    try {
        await makeParentFolders(target);
        if (isTarPath(target))
            await writeTarFile(target, await archiveTar(image, refs));
        else
            await writeLayoutDir(target, layoutFiles(image, refs, false));
    }
    catch (error) {
        if (error instanceof Failure)
            throw error;
        // A file where a folder should be, a read-only or virtual file system: the user's path, not a bug.
        const err = error;
        const what = [err.code ?? err.message, err.syscall, err.path].filter(Boolean).join(' ');
        throw new Failure(`output: expected a path where the image archive can be written, could not write ${JSON.stringify(target)} (${what}): choose a path in a folder this job can create and write`);
    }
}
function sizeReport(image) {
    return image.platforms.map((p) => ({
        platform: p.platform,
        binaryBytes: p.binaryBytes,
        layerBytes: p.layer.size,
        pulledBytes: p.manifest.size + p.config.size + p.layer.size,
    }));
}
/** The report as aligned lines for a terminal or a job summary's code block. */
function formatSizeReport(rows) {
    const table = [
        ['platform', 'binary', 'layer (gzip)', 'pulled'],
        ...rows.map((r) => [r.platform, ...[r.binaryBytes, r.layerBytes, r.pulledBytes].map((n) => n.toLocaleString('en-US'))]),
    ];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0))) ?? [];
    const pad = (cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0));
    return table.map((row) => row.map(pad).join('  ')).join('\n');
}

;// CONCATENATED MODULE: ./src/report.ts
// The run's result in the shapes its readers want: JSON for action outputs, a Markdown
// job summary, and plain text for a terminal.

function binariesJson(report) {
    return report.binaries.map((b) => ({ platform: b.platform, libc: b.libc, path: b.path, bytes: b.bytes, file: b.fileLine, version: b.serverSoftware, warnings: b.warnings }));
}
function platformsJson(report) {
    return report.platforms.map((p) => ({ ...report.sizes.find((s) => s.platform === p.platform), platform: p.platform, digest: p.digest }));
}
function resultJson(settings, report) {
    return {
        version: settings.version,
        imageVersion: settings.imageVersion,
        image: settings.image,
        digest: report.digest,
        tags: report.references,
        pushed: report.published !== undefined,
        labels: report.labels,
        platforms: platformsJson(report),
        binaries: binariesJson(report),
        archive: report.archive ?? null,
    };
}
function summaryMarkdown(settings, report) {
    const pushed = report.published ? 'pushed' : 'built, not pushed';
    const lines = [
        `### thttpd ${settings.version} image (${pushed})`,
        '',
        '| reference | digest |',
        '| --- | --- |',
        ...report.references.map((ref) => `| \`${ref}\` | \`${report.digest}\` |`),
        '',
        '| platform | manifest | binary bytes | layer bytes (gzip) | pulled bytes |',
        '| --- | --- | ---: | ---: | ---: |',
        ...platformsJson(report).map((p) => `| ${p.platform} | \`${p.digest}\` | ${p.binaryBytes ?? ''} | ${p.layerBytes ?? ''} | ${p.pulledBytes ?? ''} |`),
    ];
    if (report.archive)
        lines.push('', `Archive: \`${report.archive}\``);
    for (const b of report.binaries.filter((x) => x.warnings.length)) {
        lines.push('', `<details><summary>${b.platform}: ${b.warnings.length} compiler/linker warning(s)</summary>`, '', '```', ...b.warnings, '```', '</details>');
    }
    return `${lines.join('\n')}\n`;
}
function textReport(settings, report) {
    const lines = [
        `thttpd ${settings.version} -> ${report.digest}`,
        // Without --binaries the binaries stay in the work folder, which is gone when the CLI exits.
        ...report.binaries.map((b) => `binary ${b.platform}: ${report.binariesDir ? `${b.path} (${b.bytes} bytes; ${b.fileLine})` : `${b.bytes} bytes; ${b.fileLine}`}`),
        ...(report.sizes.length ? [formatSizeReport(report.sizes)] : report.platforms.map((p) => `manifest ${p.platform}: ${p.digest}`)),
    ];
    if (report.archive)
        lines.push(`archive: ${report.archive}`);
    lines.push(...(report.published ? report.published.tags.map((t) => `pushed ${t}`) : report.references.map((r) => `named ${r}`)));
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/build/binaries-folder.ts
// The CLI's --binaries folder. It is checked before anything slow, and filled only after
// every platform's binary passed verification, all or nothing, so a failed build leaves
// no binaries there.




const FLAG = '--binaries';
function refuse(found, todo) {
    return new Failure(`${FLAG}: expected a folder to copy the binaries into, found ${found}: ${todo}`);
}
/** Makes dir and whatever parents are missing; returns the folders it made. */
async function makeBinariesFolder(dir) {
    let walk;
    try {
        walk = await walkToFolder(dir);
    }
    catch (error) {
        throw refuse(`that a folder on the way to ${dir} cannot be looked at (${errorCode(error)})`, 'name a folder you can write to');
    }
    if ('blocked' in walk) {
        throw walk.blocked === dir ? refuse(`a ${walk.kind} at ${dir}`, 'name a folder (a missing one is created)') : refuse(`a ${walk.kind} at ${walk.blocked}, where ${dir} needs a folder`, 'name another folder');
    }
    try {
        return await makeFolders(walk.missing);
    }
    catch (error) {
        // mkdir's error names the level that failed.
        const folder = error.path ?? dir;
        throw refuse(`that ${folder} cannot be created (${errorCode(error)})`, 'name a folder on a disk you can write to');
    }
}
/** Proves the folder can be made and written to, and leaves things as they were. */
async function checkBinariesFolder(path) {
    const dir = (0,external_node_path_namespaceObject.resolve)(path);
    const created = await makeBinariesFolder(dir);
    try {
        const code = await cannotCreateIn(dir);
        if (code)
            throw refuse(`that ${dir} cannot be written to (${code})`, 'name a folder you can write to');
    }
    finally {
        await removeFolders(created);
    }
}
/** Copies every binary into the folder, or none: each goes to a hidden name first and is renamed once all are there. */
async function copyBinaries(binaries, path) {
    const dir = (0,external_node_path_namespaceObject.resolve)(path);
    const created = await makeBinariesFolder(dir);
    const staged = [];
    try {
        for (const binary of binaries) {
            const partial = (0,external_node_path_namespaceObject.join)(dir, `.${(0,external_node_path_namespaceObject.basename)(binary.path)}.partial-${process.pid}`);
            staged.push(partial);
            await (0,promises_namespaceObject.copyFile)(binary.path, partial);
        }
    }
    catch (error) {
        await Promise.all(staged.map((file) => (0,promises_namespaceObject.rm)(file, { force: true })));
        await removeFolders(created);
        throw new Failure(`${FLAG}: expected to copy the binaries into ${dir}, but copying failed (${errorCode(error)}): free some space or name another folder; none were left there`);
    }
    const copies = binaries.map((binary) => ({ ...binary, path: (0,external_node_path_namespaceObject.join)(dir, (0,external_node_path_namespaceObject.basename)(binary.path)) }));
    for (const [i, copy] of copies.entries())
        await (0,promises_namespaceObject.rename)(staged[i], copy.path);
    return copies;
}

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./src/exec.ts
// Runs a tool quietly and keeps its output in order, so a failure can quote the last
// lines (the compiler's error) and a success can still report warnings.

async function run(command, args, options) {
    const lines = [];
    const result = await getExecOutput(command, args, {
        cwd: options.cwd,
        env: options.env,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdline: (l) => lines.push(l), errline: (l) => lines.push(l) },
    });
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, lines };
}
function tail(lines, count = 20) {
    return lines.slice(-count).join('\n');
}

;// CONCATENATED MODULE: ./src/build/command.ts
// Finds and runs the build's tools on the PATH the stage was handed (a HostSystem's env),
// not this process's: @actions/exec resolves a bare name on process.env.PATH, so a tool
// found present by one lookup could otherwise be run from somewhere else, or not at all.




/** sbin folders are searched too: a non-root PATH often lacks them, and dpkg's tools live there. */
function searchPath(env) {
    return [...(env.PATH ?? '').split(external_node_path_namespaceObject.delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
}
async function isExecutableFile(path) {
    const info = await (0,promises_namespaceObject.stat)(path).catch(() => undefined);
    return info?.isFile() === true && (await (0,promises_namespaceObject.access)(path, promises_namespaceObject.constants.X_OK).then(() => true, () => false));
}
/** The absolute path of a command (a bare name searched on env.PATH, or a path), if it is there. */
async function findCommand(name, env) {
    if (name.includes('/'))
        return (await isExecutableFile(name)) ? name : undefined;
    for (const dir of searchPath(env)) {
        const path = (0,external_node_path_namespaceObject.join)(dir, name);
        if (await isExecutableFile(path))
            return path;
    }
    return undefined;
}
async function runTool(name, args, options) {
    const path = await findCommand(name, options.env);
    if (!path) {
        throw new Failure(`expected the command ${name} on PATH (${searchPath(options.env).join(external_node_path_namespaceObject.delimiter)}), found none: install it, or put its folder on PATH`);
    }
    return run(path, args, options);
}

;// CONCATENATED MODULE: ./src/build/compile.ts
// configure + `make thttpd` (the server only: cgi-src/ and extras/ ignore CCOPT and would
// come out dynamic), static, with what modern compilers need, then strip.





/**
 * GCC 14 made implicit int and implicit declarations errors: thttpd's configure probe
 * `main(){return(0);}` then "cannot create executables", and sigset() is undeclared
 * unless _GNU_SOURCE asks glibc for it.
 */
const MODERN_COMPILER_FLAGS = ['-Wno-error=implicit-int', '-Wno-error=implicit-function-declaration'];
/**
 * Smaller images at no cost the smoke test sees (bench/REPORT.md, "Size flags"): -Os
 * instead of -O2, and each function and object in its own section so the linker drops
 * the parts of the static C library thttpd never calls. Together they take about 7 kB
 * off a glibc image and 2 kB off a musl one. A user's -O2 (cflags, last) still wins.
 */
const SIZE_FLAGS = ['-Os', '-ffunction-sections', '-fdata-sections', '-Wl,--gc-sections'];
function ccopt(cflags) {
    return [...SIZE_FLAGS, '-static', '-D_GNU_SOURCE', ...MODERN_COMPILER_FLAGS, cflags].filter(Boolean).join(' ');
}
function warningsIn(...runs) {
    return [...new Set(runs.flatMap((r) => r.lines).filter((l) => /\bwarning:/i.test(l)).map((l) => l.trim()))];
}
async function compile(tree, toolchain, spec) {
    const name = `${toolchain.platform.replace('/', '-')}-${toolchain.libc}`;
    const dir = (0,external_node_path_namespaceObject.join)(spec.workDir, `build-${name}`);
    await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    await (0,promises_namespaceObject.cp)(tree, dir, { recursive: true });
    const ldflags = toolchain.ldflags.join(' ');
    const env = { ...spec.env, CC: toolchain.cc, CFLAGS: MODERN_COMPILER_FLAGS.join(' '), LDFLAGS: ldflags };
    const configure = await runTool('sh', ['./configure', ...(toolchain.host ? [`--host=${toolchain.host}`] : [])], { cwd: dir, env });
    if (configure.code !== 0) {
        throw new Failure(`thttpd's configure failed for ${toolchain.platform} (exit ${configure.code}): expected it to find ${toolchain.cc} able to build programs, found it could not. Check that ${toolchain.cc} works on this machine; configure's last lines:\n${tail(configure.lines)}`);
    }
    const make = await runTool('make', [`CC=${toolchain.cc}`, `CCOPT=${ccopt(spec.cflags)}`, `LDFLAGS=${ldflags}`, 'thttpd'], { cwd: dir, env });
    const built = (0,external_node_path_namespaceObject.join)(dir, 'thttpd');
    if (make.code !== 0 || !(await (0,promises_namespaceObject.stat)(built).then((s) => s.isFile(), () => false))) {
        // Extra flags are the likeliest cause: name them, so the message points at the input.
        const check = spec.cflags
            ? `check ${spec.name('cflags')} "${spec.cflags}" first (they go last on ${toolchain.cc}'s command line)`
            : `check that the source is a thttpd release ${toolchain.cc} can build`;
        throw new Failure(`thttpd did not compile for ${toolchain.platform} with ${toolchain.cc} (make exit ${make.code}): expected a static thttpd, found errors; ${check}. The compiler's last lines:\n${tail(make.lines)}`);
    }
    const outDir = (0,external_node_path_namespaceObject.join)(spec.workDir, 'bin');
    await (0,promises_namespaceObject.mkdir)(outDir, { recursive: true });
    const path = (0,external_node_path_namespaceObject.join)(outDir, `thttpd-${name}`);
    await (0,promises_namespaceObject.rm)(path, { force: true });
    if (spec.strip) {
        const stripped = await runTool(toolchain.strip, ['-o', path, built], { env: spec.env });
        if (stripped.code !== 0) {
            throw new Failure(`${toolchain.strip} failed on the ${toolchain.platform} binary (exit ${stripped.code}): expected it to strip a ${toolchain.platform} executable. Check binutils, or set ${spec.name('strip')} false to keep the symbols; its output:\n${tail(stripped.lines)}`);
        }
    }
    else {
        await (0,promises_namespaceObject.cp)(built, path);
    }
    return { path, warnings: warningsIn(configure, make) };
}

;// CONCATENATED MODULE: ./src/build/apt-sources.ts
const UBUNTU_MIRROR = {
    amd64: { main: 'http://archive.ubuntu.com/ubuntu', security: 'http://security.ubuntu.com/ubuntu' },
    arm64: { main: 'http://ports.ubuntu.com/ubuntu-ports', security: 'http://ports.ubuntu.com/ubuntu-ports' },
};
function parseOsRelease(text) {
    const values = new Map();
    for (const line of text.split('\n')) {
        const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
        if (match?.[1])
            values.set(match[1], match[3] ?? '');
    }
    return {
        id: values.get('ID') ?? '',
        idLike: (values.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
        codename: values.get('VERSION_CODENAME') ?? values.get('UBUNTU_CODENAME') ?? '',
    };
}
function usesApt(os) {
    return [os.id, ...os.idLike].some((id) => id === 'debian' || id === 'ubuntu');
}
/** deb822 stanzas (ubuntu.sources) get `Architectures:`; one-line entries get `[arch=...]`. */
function pinToArch(text, arch, deb822) {
    if (deb822) {
        return text
            .split(/\n\s*\n/)
            .map((stanza) => (/^Types:/m.test(stanza) && !/^Architectures:/m.test(stanza) ? `${stanza.replace(/\s+$/, '')}\nArchitectures: ${arch}` : stanza))
            .join('\n\n')
            .replace(/\n*$/, '\n');
    }
    return text
        .replace(/^(\s*deb(?:-src)?)\s+\[(?![^\]]*\barch=)/gm, `$1 [arch=${arch} `)
        .replace(/^(\s*deb(?:-src)?)\s+(?!\[)/gm, `$1 [arch=${arch}] `);
}
function foreignUbuntuSource(arch, codename) {
    const mirror = UBUNTU_MIRROR[arch];
    return [
        'Types: deb',
        `URIs: ${mirror.main}`,
        `Suites: ${codename} ${codename}-updates`,
        'Components: main universe',
        `Architectures: ${arch}`,
        'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
        '',
        'Types: deb',
        `URIs: ${mirror.security}`,
        `Suites: ${codename}-security`,
        'Components: main universe',
        `Architectures: ${arch}`,
        'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/build/install.ts
// "Sets up an Ubuntu build": finds what the toolchain needs and, on Debian/Ubuntu,
// installs what is missing with apt-get; anywhere else says exactly what to install.
// The decisions (which packages, which architectures, through sudo or not, or a refusal)
// are pure functions of the host's facts; only ensureRequirements touches the machine.






/** Absolute paths are files that must exist (headers, libraries); anything else is a command on PATH. */
async function isPresent(requirement, env) {
    if (requirement.need.startsWith('/'))
        return (0,promises_namespaceObject.access)(requirement.need).then(() => true, () => false);
    return (await findCommand(requirement.need, env)) !== undefined;
}
async function missingRequirements(requirements, env) {
    const absent = [];
    for (const r of requirements)
        if (!(await isPresent(r, env)))
            absent.push(r);
    return absent;
}
async function readInstallFacts(system) {
    return {
        isRoot: system.isRoot,
        arch: system.arch,
        osRelease: system.osRelease,
        hasAptGet: (await findCommand('apt-get', system.env)) !== undefined,
        hasSudo: (await findCommand('sudo', system.env)) !== undefined,
    };
}
function describeMissing(list) {
    return list.map((r) => `${r.need} (apt package ${r.apt})`).join(', ');
}
const packagesOf = (list) => [...new Set(list.map((r) => r.apt))];
function osName(osRelease) {
    const id = parseOsRelease(osRelease).id;
    return id ? `os-release ID "${id}"` : 'no /etc/os-release';
}
/**
 * What to install for the absent requirements, or a Failure when they cannot be installed
 * here. Missing optional things that cannot be installed give an empty plan: the caller
 * warns when it would have used them.
 */
function planInstall(absent, facts) {
    const required = absent.filter((r) => !r.optional);
    const optional = absent.filter((r) => r.optional);
    const none = { architectures: [], required: [], optional: [] };
    if (absent.length === 0)
        return none;
    const apt = usesApt(parseOsRelease(facts.osRelease));
    let why;
    if (!apt)
        why = `this machine is not Debian or Ubuntu (${osName(facts.osRelease)}), where static-thttpd installs them itself with apt-get`;
    else if (!facts.hasAptGet)
        why = 'this Debian/Ubuntu machine has no apt-get on PATH to install them with';
    else if (!facts.isRoot && !facts.hasSudo)
        why = 'installing them needs root, and this runs as a user without sudo';
    if (why) {
        if (required.length === 0)
            return none;
        throw new Failure(`missing build tools: ${describeMissing(required)}: expected them on PATH, found them missing, and ${why}. Install them yourself (packages: ${packagesOf(required).join(' ')}), then run again`);
    }
    const foreign = absent.map((r) => r.apt.split(':')[1]).filter((a) => (a === 'amd64' || a === 'arm64') && a !== facts.arch);
    return { architectures: [...new Set(foreign)], required: packagesOf(required), optional: packagesOf(optional) };
}
/**
 * The command line that runs args as root. sudo's env_reset drops DEBIAN_FRONTEND from
 * its own environment, so it goes inside, through env, where apt-get sees it.
 */
function asRoot(args, isRoot) {
    return [...(isRoot ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', ...args];
}
/** The apt-get commands that install these packages. */
function aptInstallCommands(packages) {
    return [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
    ];
}
class Apt {
    system;
    log;
    constructor(system, log) {
        this.system = system;
        this.log = log;
    }
    async asRoot(args, input) {
        const [command, ...rest] = asRoot(args, this.system.isRoot);
        const ran = await runTool(command, rest, { env: this.system.env, input });
        if (ran.code !== 0) {
            const sudo = this.system.isRoot ? '' : ' (not root: sudo -n must work without a password)';
            throw new Failure(`"${args.join(' ')}" failed (exit ${ran.code}) while installing the build tools; expected it to succeed${sudo}. Check the network and the package sources, or install the tools yourself. Its output:\n${tail(ran.lines, 15)}`);
        }
    }
    async addArchitecture(arch) {
        const foreign = await runTool('dpkg', ['--print-foreign-architectures'], { env: this.system.env });
        if (foreign.stdout.split(/\s+/).includes(arch))
            return;
        this.log.info(`adding the ${arch} architecture to dpkg for the cross libraries`);
        const os = parseOsRelease(this.system.osRelease);
        if (os.id === 'ubuntu')
            await this.addUbuntuSource(arch, os.codename);
        await this.asRoot(['dpkg', '--add-architecture', arch]);
    }
    async addUbuntuSource(arch, codename) {
        const dir = '/etc/apt/sources.list.d';
        const pin = async (path, deb822) => {
            const text = await (0,promises_namespaceObject.readFile)(path, 'utf8').catch(() => undefined);
            if (text !== undefined)
                await this.asRoot(['tee', path], pinToArch(text, this.system.arch, deb822));
        };
        await pin('/etc/apt/sources.list', false);
        for (const name of await (0,promises_namespaceObject.readdir)(dir).catch(() => [])) {
            if (name.endsWith('.sources'))
                await pin((0,external_node_path_namespaceObject.join)(dir, name), true);
            else if (name.endsWith('.list'))
                await pin((0,external_node_path_namespaceObject.join)(dir, name), false);
        }
        await this.asRoot(['tee', (0,external_node_path_namespaceObject.join)(dir, `static-thttpd-${arch}.sources`)], foreignUbuntuSource(arch, codename));
    }
    async install(packages) {
        this.log.info(`installing with apt-get: ${packages.join(' ')}`);
        for (const command of aptInstallCommands(packages))
            await this.asRoot(command);
    }
}
/** Refuses early, before anything slow, when required tools are missing and cannot be installed here. */
async function checkRequirements(requirements, system) {
    planInstall(await missingRequirements(requirements, system.env), await readInstallFacts(system));
}
/** Installs what is missing; optional things that cannot be installed only warn. */
async function ensureRequirements(requirements, system, log) {
    const plan = planInstall(await missingRequirements(requirements, system.env), await readInstallFacts(system));
    if (plan.required.length === 0 && plan.optional.length === 0)
        return;
    const apt = new Apt(system, log);
    for (const arch of plan.architectures)
        await apt.addArchitecture(arch);
    if (plan.required.length)
        await apt.install(plan.required);
    if (plan.optional.length)
        await apt.install(plan.optional).catch((error) => log.warning(error.message));
    const still = (await missingRequirements(requirements, system.env)).filter((r) => !r.optional);
    if (still.length) {
        throw new Failure(`apt-get installed ${plan.required.join(' ')}, but these are still missing: ${describeMissing(still)}. Expected them on PATH (${system.env.PATH ?? ''}) afterwards: check that PATH includes where the packages put them`);
    }
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/net.ts

/** A port nothing listens on right now, on 127.0.0.1 (the smoke test's, and the tests'). */
function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_namespaceObject.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

;// CONCATENATED MODULE: ./src/build/verify.ts
// Proof that a binary is what the image needs: `file` says static for the right
// architecture (flags are not trusted: musl-gcc -static-pie gives a dynamic binary),
// and the binary really serves a page and reports the expected version.








/** What is wrong with a `file -b` line for a static binary of this platform; empty when nothing. */
function fileLineProblems(line, platform) {
    const problems = [];
    if (!line.startsWith('ELF '))
        problems.push('it is not an ELF executable');
    if (!/\b(statically linked|static-pie linked)\b/.test(line))
        problems.push('it is not statically linked');
    if (/\binterpreter\b/.test(line))
        problems.push('it names a dynamic loader (interpreter)');
    const arch = ARCHES[archOf(platform)].fileName;
    if (!line.includes(`, ${arch},`))
        problems.push(`it is not built for ${arch} (${platform})`);
    return problems;
}
async function verifyStatic(path, platform, env, name) {
    const ran = await runTool('file', ['-b', path], { env });
    const line = ran.stdout.trim();
    const problems = ran.code === 0 ? fileLineProblems(line, platform) : [`file exited ${ran.code}`];
    if (problems.length) {
        throw new Failure(`the ${platform} binary failed verification: ${problems.join('; ')}. file says: "${line}". A scratch image needs a static binary for ${platform}: check ${name('cflags')} for -static-pie/-shared or a compiler wrapper that drops -static`);
    }
    return line;
}
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
function command(binary, args, emulator) {
    return emulator ? [emulator, [binary, ...args]] : [binary, args];
}
async function reportedVersion(binary, spec) {
    const [cmd, args] = command(binary, ['-V'], spec.emulator);
    const ran = await runTool(cmd, args, { env: spec.env });
    const said = `${ran.stdout}${ran.stderr}`.trim();
    const expected = `thttpd/${spec.version}`;
    if (said !== expected && !said.startsWith(`${expected} `)) {
        throw new Failure(`the binary reports "${said || `nothing (exit ${ran.code})`}" for -V, expected ${expected}: the source built into another version than ${spec.name('version')} names (a patch may have changed version.h); check ${spec.name('version')}, ${spec.name('source')} and ${spec.name('patches')}`);
    }
    return said;
}
/** Starts the server on 127.0.0.1, requires GET / to return the page's bytes, then stops it with SIGUSR1. */
async function serveOnce(binary, spec) {
    await (0,promises_namespaceObject.mkdir)(spec.scratchDir, { recursive: true });
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(spec.scratchDir, 'static-thttpd-smoke-'));
    try {
        const site = (0,external_node_path_namespaceObject.join)(dir, 'www');
        const copy = (0,external_node_path_namespaceObject.join)(dir, 'thttpd');
        const page = `static-thttpd smoke test ${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}\n`;
        await (0,promises_namespaceObject.mkdir)(site);
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(site, 'index.html'), page);
        await (0,promises_namespaceObject.copyFile)(binary, copy);
        await Promise.all([(0,promises_namespaceObject.chmod)(dir, 0o755), (0,promises_namespaceObject.chmod)(site, 0o755), (0,promises_namespaceObject.chmod)(copy, 0o755), (0,promises_namespaceObject.chmod)((0,external_node_path_namespaceObject.join)(site, 'index.html'), 0o644)]);
        const port = await freePort();
        const [cmd, args] = command(copy, ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', site, '-l', '-'], spec.emulator);
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], ...spec.runAs });
        let output = '';
        child.stdout.on('data', (d) => (output += d.toString()));
        child.stderr.on('data', (d) => (output += d.toString()));
        const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
        let exitCode;
        void exited.then((c) => (exitCode = c));
        const fail = (what) => new Failure(`smoke test of the built thttpd failed: expected it to serve GET / on 127.0.0.1 and stop on SIGUSR1, but ${what}. ` +
            `Check ${spec.name('cflags')} and ${spec.name('patches')}, which change what is built${output.trim() ? `; it said:\n${output.trim().slice(-2000)}` : ''}`);
        try {
            const deadline = Date.now() + (spec.timeoutMs ?? 20_000);
            let body;
            let status = 0;
            while (body === undefined) {
                if (exitCode !== undefined)
                    throw fail(`it exited with status ${exitCode} before serving`);
                if (Date.now() > deadline)
                    throw fail(`nothing answered on 127.0.0.1:${port} within ${(spec.timeoutMs ?? 20_000) / 1000} s`);
                try {
                    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) });
                    status = response.status;
                    body = await response.text();
                }
                catch {
                    await delay(100);
                }
            }
            if (status !== 200 || body !== page)
                throw fail(`GET / answered ${status} with ${body.length} bytes instead of 200 with the ${page.length}-byte index.html`);
        }
        finally {
            if (exitCode === undefined)
                child.kill('SIGUSR1');
        }
        const stopped = await Promise.race([exited, delay(5000).then(() => 'timeout')]);
        if (stopped === 'timeout') {
            child.kill('SIGKILL');
            throw fail('it did not exit within 5 s of SIGUSR1 (its graceful stop) and was killed');
        }
        if (stopped !== 0)
            throw fail(`it exited with status ${stopped} on SIGUSR1 instead of 0 (a graceful stop)`);
    }
    finally {
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/build/build.ts
// The build stage: one verified static binary per platform, in the work folder. planBuild
// is its cheap half, run before the source is fetched: it refuses what cannot be built
// here (musl for another architecture, missing tools that cannot be installed).






async function planBuild(platforms, libc, system, name) {
    const toolchains = platforms.map((p) => planToolchain(p, libc, system.arch, name));
    await checkRequirements(toolchains.flatMap((t) => t.requirements), system);
    return toolchains;
}
async function buildBinaries(tree, toolchains, spec, system, log) {
    await ensureRequirements(toolchains.flatMap((t) => t.requirements), system, log);
    const env = system.env;
    const binaries = [];
    for (const toolchain of toolchains) {
        log.info(`compiling thttpd ${spec.version} for ${toolchain.platform} (${toolchain.libc}, ${toolchain.cc})`);
        const compiled = await compile(tree, toolchain, { cflags: spec.cflags, strip: spec.strip, workDir: spec.workDir, env, name: spec.name });
        for (const warning of compiled.warnings)
            log.info(`  ${warning}`);
        const fileLine = await verifyStatic(compiled.path, toolchain.platform, env, spec.name);
        let serverSoftware = '';
        const emulator = toolchain.emulator ? await findCommand(toolchain.emulator, env) : undefined;
        if (toolchain.emulator && !emulator) {
            log.warning(`${toolchain.emulator} is not installed: the ${toolchain.platform} binary is verified static but was not run (install qemu-user-static to smoke-test it)`);
        }
        else {
            const runAs = system.isRoot && !spec.uidDrop ? { uid: 65534, gid: 65534 } : undefined;
            const smoke = { version: spec.version, emulator, scratchDir: spec.scratchDir, env, runAs, name: spec.name };
            serverSoftware = await reportedVersion(compiled.path, smoke);
            await serveOnce(compiled.path, smoke);
            log.info(`  ${toolchain.platform}: ${serverSoftware} serves a page`);
        }
        const bytes = (await (0,promises_namespaceObject.stat)(compiled.path)).size;
        binaries.push({ platform: toolchain.platform, libc: toolchain.libc, path: compiled.path, bytes, fileLine, serverSoftware, warnings: compiled.warnings });
    }
    return binaries;
}

;// CONCATENATED MODULE: ./src/build/patch.ts
// Source edits before compiling. The uid-drop edit makes every root-only user switch in
// thttpd.c dead code: a static glibc binary cannot look users up (no NSS), and in a
// container the runtime already chose the user, so `getpwnam("nobody")` only fails.





const ROOT_TEST = /getuid\s*\(\s*\)\s*==\s*0/g;
const AUTH_FILE_DEFINE = /^[ \t]*#[ \t]*define[ \t]+AUTH_FILE\b.*$/m;
/** Turns each `getuid() == 0` into a constant false, which removes the same code the 2015 patch deleted. */
function dropRootOnlyCode(text, file, name) {
    const count = text.match(ROOT_TEST)?.length ?? 0;
    if (count === 0) {
        throw new Failure(`${file} has no "getuid() == 0" test to disable: expected the root-only user switches every thttpd release has, found none. ` +
            `If one of your patches already removes them, set ${name('uid-drop')} false; otherwise check that ${name('source')} is a thttpd release`);
    }
    return { text: text.replace(ROOT_TEST, '0 /* static-thttpd: uid-drop */'), count };
}
/** musl on Debian/Ubuntu has no crypt(); without AUTH_FILE thttpd never calls it (no .htpasswd support). */
function dropAuthFile(text, file) {
    if (!AUTH_FILE_DEFINE.test(text))
        return text;
    return text.replace(AUTH_FILE_DEFINE, `/* AUTH_FILE removed by static-thttpd: musl has no crypt() (${file}) */`);
}
/**
 * The file names a diff's `---`/`+++` lines give that are absolute or climb with `..`: with
 * -p1 GNU patch turns the first into paths inside the tree and ignores the second, so
 * either way the diff was made wrong, and it is better refused than half applied.
 */
function unsafeDiffPaths(diff) {
    const names = [...diff.matchAll(/^(?:---|\+\+\+) ([^\t\n]+)/gm)].map((m) => (m[1] ?? '').trim());
    return [...new Set(names.filter((n) => n !== '/dev/null' && (n.startsWith('/') || n.split('/').includes('..'))))];
}
/** Refuses, before anything slow, patch files that are missing, unreadable, or aim outside the source. */
async function checkPatches(patches, name) {
    for (const patch of patches) {
        const info = await (0,promises_namespaceObject.stat)(patch).catch((error) => error);
        let found;
        let text = '';
        if (info instanceof Error)
            found = info.code === 'ENOENT' ? 'nothing' : `what cannot be looked at (${info.code ?? info.message})`;
        else if (!info.isFile())
            found = info.isDirectory() ? 'a folder' : 'something that is not a file';
        else
            text = await (0,promises_namespaceObject.readFile)(patch, 'utf8').catch((error) => ((found = `a file that cannot be read (${error.code ?? error.message})`), ''));
        if (found)
            throw new Failure(`${name('patches')}: expected a readable unified diff file, found ${found} at ${JSON.stringify(patch)}: check the path`);
        const unsafe = unsafeDiffPaths(text);
        if (unsafe.length) {
            throw new Failure(`${name('patches')}: expected a diff of files inside the release's top folder (a/thttpd.c, b/thttpd.c), found ${unsafe.map((u) => JSON.stringify(u)).join(', ')} in ${JSON.stringify(patch)}: ` +
                'make the diff from the unpacked release with relative paths (diff -ru a b, or git diff)');
        }
    }
}
async function patchSource(dir, spec) {
    for (const patch of spec.patches) {
        const ran = await runTool('patch', ['-p1', '--forward', '--batch', '--no-backup-if-mismatch', '-i', patch], { cwd: dir, env: spec.env });
        if (ran.code !== 0) {
            throw new Failure(`${spec.name('patches')}: expected unified diffs that apply with patch -p1 in the release's top folder; patch ${patch} does not apply to thttpd's source (patch -p1 exit ${ran.code}): ` +
                `update it for this release or remove it. patch said:\n${tail(ran.lines)}`);
        }
    }
    let rootTestsDisabled = 0;
    if (spec.uidDrop) {
        const file = (0,external_node_path_namespaceObject.join)(dir, 'thttpd.c');
        const edited = dropRootOnlyCode(await (0,promises_namespaceObject.readFile)(file, 'utf8'), 'thttpd.c', spec.name);
        await (0,promises_namespaceObject.writeFile)(file, edited.text);
        rootTestsDisabled = edited.count;
    }
    if (spec.dropAuth) {
        const file = (0,external_node_path_namespaceObject.join)(dir, 'config.h');
        const text = await (0,promises_namespaceObject.readFile)(file, 'utf8').catch(() => undefined);
        if (text !== undefined)
            await (0,promises_namespaceObject.writeFile)(file, dropAuthFile(text, 'config.h'));
    }
    return { rootTestsDisabled, patchesApplied: spec.patches };
}

;// CONCATENATED MODULE: ./src/types.ts
// The plain values that flow between the pipeline's stages. Each stage takes some of
// these and returns one; none of them reads inputs or the environment on its own.
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const LIBCS = ['glibc', 'musl'];

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/image/site.ts
// The files served under /www: either a user's folder, checked so the image holds
// exactly what thttpd can serve, or the project's default page.






const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** A name's bytes as text, invalid UTF-8 bytes shown as `\xNN`, for messages. */
function printableName(name) {
    let out = '';
    let i = 0;
    next: while (i < name.length) {
        for (let len = 1; len <= 4 && i + len <= name.length; len++) {
            try {
                out += strictUtf8.decode(name.subarray(i, i + len));
                i += len;
                continue next;
            }
            catch {
                // not a whole character yet: try one more byte
            }
        }
        out += `\\x${(name[i] ?? 0).toString(16).padStart(2, '0')}`;
        i += 1;
    }
    return out;
}
function decodeName(name, shown) {
    try {
        return strictUtf8.decode(name);
    }
    catch {
        throw new Failure(`site: expected file names in UTF-8 (image layers and URLs are text), found "${shown}" whose name is not valid UTF-8 (bytes shown as \\xNN): rename it`);
    }
}
function siteError(what) {
    return new Failure(`site: ${what}`);
}
/** A read that fails (permissions, a file vanishing mid-walk) becomes a Failure naming the path. */
async function readOrFail(shown, read) {
    try {
        return await read();
    }
    catch (err) {
        const code = err.code ?? err.message;
        throw siteError(`expected to read ${JSON.stringify(shown)}, could not (${code}): make the site readable by the user running the build`);
    }
}
const inside = (path, root) => path.equals(root) || (path.length > root.length && path[root.length] === 0x2f && path.subarray(0, root.length).equals(root));
/**
 * A symlink's target as written into the image. The link is resolved on the host, through
 * every link on its way (a linked folder inside the site included), and what it finally
 * names must be inside the site. The image gets a link straight to that, relative to the
 * link's own folder: a target read as written could pass through a linked folder and
 * climb above /www, where the host's site folder is not.
 */
async function linkTarget(root, link, linkRel, target, shown) {
    const refuse = (found) => siteError(`expected every symlink to point at a file or folder inside the site, found ${JSON.stringify(shown)} -> ${JSON.stringify(target)}, ${found}: copy the target into the site or remove the link`);
    let resolved;
    try {
        resolved = await (0,promises_namespaceObject.realpath)(link, { encoding: 'buffer' });
    }
    catch (err) {
        throw refuse(err.code === 'ELOOP' ? 'which goes round in a loop of links' : 'which does not resolve to anything');
    }
    if (!inside(resolved, root))
        throw refuse('which resolves outside the site');
    const within = resolved.length > root.length ? decodeName(resolved.subarray(root.length + 1), `${shown} -> ${printableName(resolved)}`) : '';
    return external_node_path_namespaceObject.posix.relative(external_node_path_namespaceObject.posix.dirname(`/${linkRel}`), `/${within}`) || '.';
}
/**
 * The site's own healthz replaces the image's (it must then answer the probes itself),
 * so it has to be something thttpd answers 200 for: a file, or a link to one.
 */
async function checkHealthFile(entries, given) {
    const entry = entries.find((e) => e.path === HEALTH_FILE);
    if (!entry || entry.type === 'file')
        return;
    const path = (0,external_node_path_namespaceObject.join)(given, HEALTH_FILE);
    if (entry.type === 'symlink' && (await readOrFail(path, () => (0,promises_namespaceObject.stat)(path))).isFile())
        return;
    throw siteError(`expected ${JSON.stringify(path)} to be a file (it replaces the image's /${HEALTH_FILE}, which health probes expect to answer 200), found ${entry.type === 'directory' ? 'a folder' : 'a symlink to a folder'}: rename it, or remove it to keep the image's own health file`);
}
/**
 * Every entry of a user's site folder, paths relative to the folder. Every file is 0644
 * and every folder 0755, whatever the builder's modes: thttpd serves world-readable files
 * only, and refuses (403) a world-executable file that is not a CGI program, which the
 * image runs none of.
 */
async function readSiteFolder(folder) {
    const given = (0,external_node_path_namespaceObject.resolve)(folder);
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(given);
    }
    catch {
        throw siteError(`expected a folder of files to serve, found nothing at ${JSON.stringify(given)}: check the path`);
    }
    if (!info.isDirectory()) {
        throw siteError(`expected a folder of files to serve, found a file at ${JSON.stringify(given)}: pass the folder that holds it`);
    }
    const root = await (0,promises_namespaceObject.realpath)(given, { encoding: 'buffer' });
    const entries = [];
    let files = 0;
    const walk = async (dirRel, dirBytes) => {
        const names = await readOrFail((0,external_node_path_namespaceObject.join)(given, dirRel), () => (0,promises_namespaceObject.readdir)(dirBytes, { encoding: 'buffer' }));
        for (const nameBytes of names) {
            const fullBytes = Buffer.concat([dirBytes, Buffer.from('/'), nameBytes]);
            const shown = external_node_path_namespaceObject.posix.join(dirRel, printableName(nameBytes));
            const rel = external_node_path_namespaceObject.posix.join(dirRel, decodeName(nameBytes, (0,external_node_path_namespaceObject.join)(given, shown)));
            const shownFull = (0,external_node_path_namespaceObject.join)(given, rel);
            const st = await readOrFail(shownFull, () => (0,promises_namespaceObject.lstat)(fullBytes));
            if (st.isDirectory()) {
                entries.push({ type: 'directory', path: rel, mode: 0o755 });
                await walk(rel, fullBytes);
            }
            else if (st.isFile()) {
                files += 1;
                entries.push({ type: 'file', path: rel, mode: 0o644, data: await readOrFail(shownFull, () => (0,promises_namespaceObject.readFile)(fullBytes)) });
            }
            else if (st.isSymbolicLink()) {
                const target = await readOrFail(shownFull, () => (0,promises_namespaceObject.readlink)(fullBytes, { encoding: 'buffer' }));
                const targetText = decodeName(target, `${shownFull} -> ${printableName(target)}`);
                entries.push({ type: 'symlink', path: rel, target: await linkTarget(root, fullBytes, rel, targetText, shownFull) });
            }
            else {
                const kind = st.isFIFO() ? 'a fifo' : st.isSocket() ? 'a socket' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : 'a special file';
                throw siteError(`expected only files, folders and symlinks, found ${kind} at ${JSON.stringify(shownFull)}: remove it from the site`);
            }
        }
    };
    await walk('', root);
    if (files === 0) {
        throw siteError(`expected at least one file to serve in ${JSON.stringify(given)}, found none: add an index.html or leave site unset for the default page`);
    }
    await checkHealthFile(entries, given);
    return entries;
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
/** Fills `{{thttpdVersion}}`, `{{imageVersion}}` and `{{buildDate}}` in the page template. */
function renderDefaultPage(template, facts) {
    const values = {
        thttpdVersion: facts.thttpdVersion,
        imageVersion: facts.imageVersion,
        buildDate: new Date(facts.epoch * 1000).toISOString().replace('.000Z', 'Z'),
    };
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => {
        const value = values[name];
        if (value === undefined)
            throw new Error(`site/index.html names an unknown placeholder {{${name}}}`);
        return escapeHtml(value);
    });
}
/**
 * The repository's folder: the code runs as src/image/*.ts under tsx, or bundled as
 * dist/index.js or dist/cli/index.js, and in each case the whole repository (with
 * action.yml and site/) sits above it. A checkout without action.yml yet is recognised
 * by its package.json.
 */
function projectRoot(from = import.meta.url) {
    const start = (0,external_node_path_namespaceObject.dirname)(from.startsWith('file:') ? (0,external_node_url_namespaceObject.fileURLToPath)(from) : from);
    for (let dir = start;; dir = (0,external_node_path_namespaceObject.dirname)(dir)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'action.yml')) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'site')))
            return dir;
        const pkg = (0,external_node_path_namespaceObject.join)(dir, 'package.json');
        if ((0,external_node_fs_namespaceObject.existsSync)(pkg) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'site'))) {
            try {
                if (JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(pkg, 'utf8')).name === 'static-thttpd')
                    return dir;
            }
            catch {
                // not ours: keep walking up
            }
        }
        if ((0,external_node_path_namespaceObject.dirname)(dir) === dir) {
            throw new Error(`no static-thttpd checkout (a folder holding action.yml and site/) above ${start}`);
        }
    }
}
/** The default site: the project's page, rendered for this build. */
async function defaultSite(facts, root = projectRoot()) {
    const template = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, 'site', 'index.html'), 'utf8');
    return [{ type: 'file', path: 'index.html', mode: 0o644, data: Buffer.from(renderDefaultPage(template, facts), 'utf8') }];
}

;// CONCATENATED MODULE: ./src/image/build.ts
// The image stage: verified binaries and a site in, content-addressed blobs out. It
// checks everything before it returns and writes nothing: publishing or archiving the
// result is a later stage's job.







function checkSpec(spec) {
    if (spec.binaries.length === 0)
        throw new Failure('image: expected at least one server binary, found none: build at least one platform');
    const seen = new Set();
    for (const { platform } of spec.binaries) {
        if (!PLATFORMS.includes(platform)) {
            throw new Failure(`image: expected a platform among ${PLATFORMS.join(', ')}, found ${JSON.stringify(platform)}: choose one of those`);
        }
        if (seen.has(platform))
            throw new Failure(`image: expected one binary per platform, found two for ${platform}: build each platform once`);
        seen.add(platform);
    }
    if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) {
        throw new Failure(`image: expected a port from 1 to 65535, found ${spec.port}: pass a whole number such as 8080`);
    }
    if (!Number.isInteger(spec.epoch) || spec.epoch < 0 || spec.epoch > MAX_LAYER_EPOCH) {
        throw new Failure(`image: expected the build time as whole seconds since 1970 (0 to ${MAX_LAYER_EPOCH}), found ${spec.epoch}: set SOURCE_DATE_EPOCH to such a number`);
    }
    if (!spec.thttpdVersion.trim())
        throw new Failure('image: expected the thttpd version, found an empty string: pass the version that was built');
    if (!spec.imageVersion.trim())
        throw new Failure('image: expected the image version, found an empty string: pass the version to publish');
    for (const key of Object.keys(spec.labels)) {
        if (!key.trim())
            throw new Failure('labels: expected every label to have a name, found an empty one: remove it or name it');
    }
}
async function readServer(binary) {
    let bytes;
    try {
        bytes = await (0,promises_namespaceObject.readFile)(binary.path);
    }
    catch (err) {
        throw new Failure(`image: expected the ${binary.platform} server at ${binary.path}, could not read it (${err.message}): build it again`);
    }
    // The binary was verified at this size; a different one here is not the verified server.
    if (bytes.length !== binary.bytes) {
        throw new Failure(`image: expected the ${binary.platform} server at ${binary.path} to be the verified ${binary.bytes} bytes, found ${bytes.length}: build it again and do not change it before the image stage`);
    }
    return bytes;
}
async function buildImage(spec) {
    checkSpec(spec);
    const site = spec.site
        ? spec.site
        : await defaultSite({ thttpdVersion: spec.thttpdVersion, imageVersion: spec.imageVersion, epoch: spec.epoch });
    const labels = imageLabels(spec, spec.labels);
    const annotations = ociAnnotations(labels);
    // Index order follows PLATFORMS, not the order builds finished in.
    const binaries = [...spec.binaries].sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));
    const platforms = [];
    for (const binary of binaries) {
        const server = await readServer(binary);
        const layer = await buildLayer(rootfsEntries(server, site), spec.epoch);
        const layerBlob = blobOf(MEDIA_TYPES.layer, layer.gzip);
        const config = imageConfig({
            platform: binary.platform,
            port: spec.port,
            epoch: spec.epoch,
            diffId: layer.diffId,
            labels,
            thttpdVersion: spec.thttpdVersion,
        });
        platforms.push({
            platform: binary.platform,
            layer: layerBlob,
            diffId: layer.diffId,
            uncompressedSize: layer.uncompressedSize,
            config,
            manifest: imageManifest(config, layerBlob, annotations),
            binaryBytes: server.length,
        });
    }
    const index = imageIndex(platforms.map(({ platform, manifest }) => ({ platform, manifest })), annotations);
    return { index, platforms, labels };
}

;// CONCATENATED MODULE: ./src/registry/index-assembly.ts
// The last step of a build fanned out over native runners: each runner pushed its own
// platform's manifest by digest; this reads them back from the registry (the registry's
// word, not the inputs', says which platform each is) and pushes one index over them,
// then the tags, so a tag still never names an incomplete image.


const IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
async function readPlatformManifests(client, digests) {
    const { name } = client;
    const found = [];
    for (const digest of digests) {
        const manifest = await client.getManifest(name.repository, digest, [IMAGE_MANIFEST]);
        if (!manifest)
            throw new Failure(`Expected the manifest ${digest} in ${name.name}, found none: push each platform with mode: platform to the same image first, and pass the digests it reported`);
        if (manifest.mediaType !== IMAGE_MANIFEST)
            throw new Failure(`Expected ${digest} in ${name.name} to be one platform's image manifest, found a ${manifest.mediaType || 'document of no media type'}: pass the per-platform digests (the platforms output of mode: platform)`);
        const configDigest = JSON.parse(manifest.data.toString('utf8')).config?.digest ?? '';
        const config = await client.getBlob(name.repository, configDigest);
        if (!config)
            throw new Failure(`Expected the config ${configDigest} of manifest ${digest} in ${name.name}, found none: push that platform again`);
        const { os, architecture } = JSON.parse(config.toString('utf8'));
        const platform = `${os}/${architecture}`;
        if (!PLATFORMS.includes(platform))
            throw new Failure(`Expected manifest ${digest} to be for ${PLATFORMS.join(' or ')}, found ${platform}`);
        if (found.some((f) => f.platform === platform))
            throw new Failure(`Expected one manifest per platform, found two for ${platform} (the second is ${digest}): pass one digest per platform`);
        found.push({ platform, manifest });
    }
    return found.sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));
}

;// CONCATENATED MODULE: ./src/registry/transport.ts
// The one place that sends HTTP: picks the scheme, bounds every attempt with a time-out and
// retries what a retry can fix (network errors, 429, 5xx) with backoff, so a flaky runner
// network or a registry's rate limit does not fail a release, while a wrong password
// (any other 4xx) fails at once instead of hammering the registry.


/** Named in registry logs, so an operator can tell our requests apart. */
const USER_AGENT = 'static-thttpd';
const DEFAULT_RETRY_POLICY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 60_000,
    timeoutMs: 30_000,
};
/** Redirects followed per request, as many as Go's HTTP client (and so docker) follows. */
const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
function retryPolicy(overrides = {}) {
    const policy = { ...DEFAULT_RETRY_POLICY };
    for (const [key, value] of Object.entries(overrides)) {
        if (value !== undefined)
            policy[key] = value;
    }
    if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
        throw new Failure(`Expected at least 1 attempt per registry request, found ${policy.attempts}. Set attempts to 1 or more.`);
    }
    if (!(policy.timeoutMs > 0)) {
        throw new Failure(`Expected a positive registry time-out, found ${policy.timeoutMs} ms. Set a time-out above 0.`);
    }
    return policy;
}
/**
 * Backoff before retry number `retry` (1 = the first retry): exponential, capped, with
 * "equal jitter" (half fixed, half random) so parallel jobs spread out but never retry at once.
 */
function backoffDelay(retry, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
/** Retry-After is either delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (value == null)
        return undefined;
    const text = value.trim();
    if (/^[0-9]+$/.test(text))
        return Number(text) * 1000;
    // Only the IMF-fixdate family: Date.parse alone would read "5 apples" as a date.
    if (!/[a-z]{3},? .*\d{2}:\d{2}:\d{2}/i.test(text))
        return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
function isLoopbackHost(host) {
    const name = stripPort(host).toLowerCase();
    if (name === 'localhost' || name.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_namespaceObject.isIP)(name) === 4)
        return name.startsWith('127.');
    if ((0,external_node_net_namespaceObject.isIP)(name) === 6)
        return name === '::1' || name === '0:0:0:0:0:0:0:1';
    return false;
}
function stripPort(host) {
    if (host.startsWith('['))
        return host.slice(1, host.indexOf(']'));
    const colon = host.lastIndexOf(':');
    return colon !== -1 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
// Errors meaning "the peer does not speak TLS": for a host allowed plain HTTP, switch to it.
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'EPROTO', 'ERR_SSL_HTTP_REQUEST']);
// Transient network trouble, worth another try. DNS "not found" and TLS verification are not.
const TRANSIENT = new Set([
    'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
    'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const CERTIFICATE = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);
function classify(error) {
    const err = error;
    if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError')
        return { code: 'TIMEOUT', detail: 'timed out', kind: 'timeout' };
    const code = err?.cause?.code ?? err?.code ?? '';
    // OpenSSL messages carry an error number, file paths and line numbers: keep the reason.
    const first = (err?.cause?.message ?? err?.message ?? String(error)).split('\n')[0].replace(/:\.\.\/deps\/.*$/, '');
    const detail = /^[0-9A-F]+:error:[0-9A-F]+:/.test(first) ? (first.split(':').at(-1) ?? first) : first;
    if (NOT_TLS.has(code))
        return { code, detail, kind: 'not-tls' };
    if (CERTIFICATE.has(code))
        return { code, detail, kind: 'certificate' };
    if (TRANSIENT.has(code))
        return { code, detail, kind: 'transient' };
    return { code, detail, kind: 'other' };
}
/** `PUT /v2/me/web/blobs/uploads/…` without the query: short, and upload state stays out of logs. */
function describeRequest(method, url) {
    const u = new URL(url);
    return `${method} ${u.pathname}`;
}
class Transport {
    policy;
    stats = { requests: 0, retries: 0 };
    insecure;
    insecureName;
    /** Hosts allowed plain HTTP that turned out not to speak TLS. */
    plainHosts = new Set();
    sleep;
    random;
    logger;
    constructor(options = {}) {
        this.policy = retryPolicy(options.retry);
        this.insecure = new Set((options.insecureRegistries ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
        this.insecureName = options.insecureRegistriesName ?? 'insecure-registries';
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.random = options.random ?? Math.random;
        this.logger = options.logger;
    }
    /**
     * Backs off before another try that a caller above the transport decided on (an answer
     * that means "not yet" rather than "no"), counted and logged like the transport's own.
     */
    async waitToRetry(attempt, why) {
        const delay = backoffDelay(attempt, this.policy, this.random);
        this.logger?.warning(`${why}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
        this.stats.retries++;
        await this.sleep(delay);
    }
    /** Plain HTTP is allowed for loopback and for hosts the user listed, never silently otherwise. */
    allowsPlainHttp(host) {
        const h = host.toLowerCase();
        return isLoopbackHost(h) || this.insecure.has(h) || this.insecure.has(stripPort(h));
    }
    /**
     * `https://host`, or `http://host` for a host allowed plain HTTP whose HTTPS attempt showed
     * it speaks none (learnt by `send`). HTTPS is tried first even on loopback: a local test
     * registry may well serve TLS.
     */
    origin(host) {
        return `${this.plainHosts.has(host.toLowerCase()) ? 'http' : 'https'}://${host}`;
    }
    /**
     * Sends a request, following redirects by hand (at most MAX_REDIRECTS): each hop must pass
     * the same HTTPS rule as the first URL, and Authorization never leaves the origin it was
     * meant for (a registry's blob storage gets a signed URL instead).
     */
    async send(request) {
        let hop = request;
        let retries = 0;
        for (let redirects = 0;; redirects++) {
            const response = await this.exchange(hop, redirects > 0 ? request : undefined);
            retries += response.retries;
            const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
            if (location === null)
                return { ...response, retries };
            if (redirects === MAX_REDIRECTS) {
                throw new Failure(`Expected ${new URL(request.url).host} to answer ${describeRequest(request.method, request.url)} within ${MAX_REDIRECTS} redirects, found more (the last to ${describeRequest(hop.method, hop.url)}). ` +
                    'A proxy or the registry is redirecting in a loop: check the registry address and what sits in front of it.');
            }
            hop = redirectedRequest(hop, response, location);
        }
    }
    /** One URL, with its retries and the switch to plain HTTP for an allowed host that speaks no TLS. */
    async exchange(request, redirectedFrom) {
        let url = new URL(request.url);
        const host = url.host.toLowerCase();
        const via = redirectedFrom ? `, where ${describeRequest(redirectedFrom.method, redirectedFrom.url)} to ${new URL(redirectedFrom.url).host} redirected` : '';
        if (url.protocol === 'http:' && !this.allowsPlainHttp(host)) {
            throw new Failure(`Expected HTTPS for ${host}, found a plain HTTP URL (${describeRequest(request.method, url.href)}${via}). ` +
                `Plain HTTP is used only for loopback hosts and those listed in ${this.insecureName}: add ${host} there if it really serves no TLS.`);
        }
        const what = describeRequest(request.method, url.href);
        let retries = 0;
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                this.stats.requests++;
                response = await fetch(url, {
                    method: request.method,
                    headers: { 'user-agent': USER_AGENT, ...request.headers },
                    body: request.body,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.policy.timeoutMs),
                });
                const body = Buffer.from(await response.arrayBuffer());
                if (isRetryableStatus(response.status) && attempt < this.policy.attempts) {
                    const asked = parseRetryAfter(response.headers.get('retry-after'));
                    const delay = asked !== undefined ? Math.min(asked, this.policy.maxRetryAfterMs) : backoffDelay(attempt, this.policy, this.random);
                    this.logger?.warning(`${host} answered ${what} with ${response.status}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
                    retries++;
                    this.stats.retries++;
                    await this.sleep(delay);
                    continue;
                }
                return { status: response.status, statusText: response.statusText, headers: response.headers, body, url: url.href, retries };
            }
            catch (error) {
                const problem = classify(error);
                if (problem.kind === 'not-tls' && url.protocol === 'https:') {
                    if (!this.allowsPlainHttp(host)) {
                        throw new Failure(`Expected ${host} to speak TLS on ${what}${via}, found it seems to speak plain HTTP (${problem.detail}). ` +
                            `Plain HTTP is used only for loopback hosts and those listed in ${this.insecureName}: add ${host} there if this registry really serves no TLS, or check the port.`);
                    }
                    // Not a retry: the same attempt, in the scheme the host speaks.
                    this.plainHosts.add(host);
                    url = new URL(url.href.replace(/^https:/, 'http:'));
                    attempt--;
                    continue;
                }
                if (problem.kind === 'certificate') {
                    throw new Failure(`Expected a TLS certificate for ${host} that this machine trusts, found: ${problem.detail} (${problem.code}) on ${what}${via}. ` +
                        'If the registry uses a private CA, start the process with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.');
                }
                const retryable = problem.kind === 'transient' || problem.kind === 'timeout';
                if (retryable && attempt < this.policy.attempts) {
                    const delay = backoffDelay(attempt, this.policy, this.random);
                    this.logger?.warning(`${what} to ${host} failed (${problem.detail}); retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
                    retries++;
                    this.stats.retries++;
                    await this.sleep(delay);
                    continue;
                }
                const timeout = problem.kind === 'timeout' ? `timed out after ${formatMs(this.policy.timeoutMs)}` : problem.detail;
                throw new NetworkFailure(`Expected ${host} to answer ${what}${via}, found no answer: ${timeout}${attempt > 1 ? ` (${attempt} attempts)` : ''}. ` +
                    'Check that the registry address is right, that it is up and reachable from this machine, then run again.', attempt - 1);
            }
        }
    }
}
/**
 * The request a redirect asks for, by the fetch standard's rules: 303 (and 301/302 after a
 * POST) becomes a GET without body; 307/308 resend the same request. Authorization goes
 * only to the origin it was given for.
 */
function redirectedRequest(from, response, location) {
    let next;
    try {
        next = new URL(location, response.url);
    }
    catch {
        next = new URL('invalid:');
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new Failure(`Expected ${new URL(from.url).host} to redirect ${describeRequest(from.method, from.url)} to an http(s) URL, found a ${next.protocol === 'invalid:' ? 'malformed' : next.protocol} Location. ` +
            'The registry (or a proxy) is misconfigured: check what sits in front of it.');
    }
    const sameOrigin = next.origin === new URL(from.url).origin;
    const toGet = (response.status === 303 && from.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && from.method === 'POST');
    const dropped = new Set([...(sameOrigin ? [] : ['authorization', 'cookie']), ...(toGet ? ['content-type', 'content-length'] : [])]);
    const headers = Object.fromEntries(Object.entries(from.headers ?? {}).filter(([name]) => !dropped.has(name.toLowerCase())));
    return toGet ? { method: 'GET', url: next.href, headers } : { method: from.method, url: next.href, headers, body: from.body };
}
/** A request that got no HTTP answer at all, after its retries. */
class NetworkFailure extends Failure {
    retries;
    constructor(message, retries) {
        super(message);
        this.retries = retries;
    }
}
function formatMs(ms) {
    return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// How a request proves who we are. Registries say how in `WWW-Authenticate`: Basic (send
// the credentials each time) or Bearer (trade them at a token service for a token scoped
// to the repositories a request touches). We learn the scheme once from `GET /v2/`, and a
// later 401 can only mean a token needs a wider scope or has expired: never a loop.


/**
 * RFC 7235 challenges. Values may be quoted and contain commas (a Bearer scope like
 * `repository:a:pull,push`), and one header may hold several challenges.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    if (!header)
        return challenges;
    let i = 0;
    const n = header.length;
    const skip = (chars) => {
        while (i < n && chars.test(header[i]))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(/[\s,]/);
            const mark = i;
            const name = token();
            skip(/\s/);
            if (!name || header[i] !== '=') {
                // Not `name=`: the next challenge's scheme (or a token68, which we do not need).
                i = mark;
                if (!name)
                    i++;
                break;
            }
            i++;
            skip(/\s/);
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < n && header[i] !== ',' && !/\s/.test(header[i]))
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
        }
    }
    return challenges;
}
/** `repository:me/web:pull,push`: what a push to one repository needs. */
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/** Seconds a token lives when the service does not say (the token spec's default). */
const DEFAULT_TOKEN_LIFETIME_S = 60;
class Authenticator {
    options;
    scheme;
    bearer;
    tokens = new Map();
    now;
    /** Token-service round trips, for tests that count requests. */
    tokenRequests = 0;
    /** The identity token to trade next: a token service may hand out a new one with each grant. */
    refreshToken;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        const credentials = options.credentials;
        if (credentials?.identityToken) {
            options.mask(credentials.identityToken);
            this.refreshToken = credentials.identityToken;
        }
        else if (credentials) {
            options.mask(credentials.password);
            options.mask(basicValue(credentials));
        }
    }
    /** Username and password, for Basic and for a token service's GET; none with an identity token. */
    get password() {
        return this.options.credentials?.identityToken ? undefined : this.options.credentials;
    }
    get kind() {
        return this.scheme;
    }
    who() {
        const c = this.options.credentials;
        if (c?.identityToken)
            return `with an identity token${c.username ? ` of ${c.username}` : ''} (from ${c.source})`;
        return c ? `as ${c.username} (credentials from ${c.source})` : 'anonymously (no credentials found)';
    }
    /**
     * Learn how the registry wants us to authenticate from `GET /v2/`, and for Basic check the
     * credentials right away, so a wrong password fails before anything is pushed.
     */
    async start(origin) {
        if (this.scheme)
            return;
        const { transport, registry } = this.options;
        const url = `${origin}/v2/`;
        const first = await transport.send({ method: 'GET', url });
        if (first.status === 200) {
            this.scheme = 'anonymous';
            return;
        }
        if (first.status !== 401)
            throw registryError(registry, 'GET', url, first, 'Check that this host runs a registry speaking the OCI distribution API.');
        const challenges = parseWwwAuthenticate(first.headers.get('www-authenticate'));
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        if (bearer) {
            this.scheme = 'bearer';
            this.bearer = bearer;
            return;
        }
        if (challenges.some((c) => c.scheme === 'basic')) {
            this.scheme = 'basic';
            if (this.options.credentials?.identityToken) {
                throw new Failure(`Expected a username and password for ${registry}, which asks for HTTP Basic, found only an identity token (from ${this.options.credentials.source}), ` +
                    'which only a token service takes. Pass username and password, or run `docker login` with a password.');
            }
            if (!this.options.credentials) {
                throw new Failure(`Expected credentials for ${registry}, which asks for a username and password (HTTP Basic), found none. ` +
                    'Pass username and password, or run `docker login` so the Docker config has them.');
            }
            const again = await transport.send({ method: 'GET', url, headers: { authorization: basicValue(this.options.credentials) } });
            if (again.status !== 200)
                throw registryError(registry, 'GET', url, again, `The registry refused to let us in ${this.who()}. ${this.options.permissionHint}`);
            return;
        }
        throw registryError(registry, 'GET', url, first, `It asked for no scheme this tool speaks (WWW-Authenticate: ${first.headers.get('www-authenticate') ?? 'absent'}).`);
    }
    /** The Authorization header for a request needing these scopes, if any. */
    async header(scopes) {
        if (this.scheme === 'basic')
            return this.password && basicValue(this.password);
        if (this.scheme === 'bearer')
            return `Bearer ${await this.token(scopes)}`;
        return undefined;
    }
    /**
     * A 401 on an authenticated request: for Bearer, the registry may name the scope it wants
     * (`error="insufficient_scope"`) or our token may have expired; fetch a fresh one once.
     * Returns the scopes to retry with, or undefined when a retry cannot help.
     */
    retryScopes(response, scopes) {
        const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate'));
        if (this.scheme === 'anonymous') {
            // Some registries open `/v2/` to anyone and challenge only where it matters.
            const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
            if (bearer) {
                this.scheme = 'bearer';
                this.bearer = bearer;
            }
            else if (challenges.some((c) => c.scheme === 'basic') && this.password) {
                this.scheme = 'basic';
                return scopes;
            }
            else {
                return undefined;
            }
        }
        if (this.scheme !== 'bearer')
            return undefined;
        const challenge = challenges.find((c) => c.scheme === 'bearer');
        this.tokens.delete(scopeKey(scopes));
        const wanted = challenge?.params.scope?.split(' ').filter(Boolean) ?? [];
        return [...new Set([...scopes, ...wanted])];
    }
    /** The token spec's GET: scopes in the query, the username and password as Basic. */
    tokenGet(realm, service, scopes) {
        const url = new URL(realm);
        if (service)
            url.searchParams.set('service', service);
        for (const scope of [...scopes].sort())
            url.searchParams.append('scope', scope);
        const credentials = this.password;
        if (credentials)
            url.searchParams.set('account', credentials.username);
        return { method: 'GET', url: url.href, headers: credentials ? { authorization: basicValue(credentials) } : {} };
    }
    /** OAuth2's refresh_token grant, docker's way of using an identity token: a form POST to the realm. */
    refreshGrant(realm, service, scopes, refreshToken) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OAUTH_CLIENT_ID, scope: [...scopes].sort().join(' ') });
        if (service)
            form.set('service', service);
        return { method: 'POST', url: realm.href, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()) };
    }
    async token(scopes) {
        const key = scopeKey(scopes);
        const cached = this.tokens.get(key);
        if (cached && cached.expiresAt > this.now())
            return cached.value;
        const { transport, registry } = this.options;
        const challenge = this.bearer;
        if (!challenge?.params.realm)
            throw new Error('token() called before a Bearer challenge was seen');
        let realm;
        try {
            realm = new URL(challenge.params.realm);
        }
        catch {
            throw new Failure(`Expected ${registry} to name a token service URL in its Bearer challenge, found \`${challenge.params.realm}\`. Check the registry's auth setup.`);
        }
        const request = this.refreshToken ? this.refreshGrant(realm, challenge.params.service, scopes, this.refreshToken) : this.tokenGet(realm, challenge.params.service, scopes);
        this.tokenRequests++;
        const response = await transport.send(request);
        if (response.status !== 200) {
            throw registryError(`the token service of ${registry} (${realm.host})`, request.method, realm.href, response, `It refused a token for ${scopes.join(' ') || 'the registry'} ${this.who()}. ${this.refreshToken ? 'The identity token may have expired: run `docker login` again. ' : ''}${this.options.permissionHint}`);
        }
        let body;
        try {
            body = JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new Failure(`Expected JSON with a token from the token service of ${registry} (${realm.host}), found ${response.headers.get('content-type') ?? 'no content type'}. Check the registry's auth setup.`);
        }
        // The token spec allows either name; Docker Hub sends both, some services only one.
        const value = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
        if (!value)
            throw new Failure(`Expected a token or access_token from the token service of ${registry} (${realm.host}), found neither. Check the registry's auth setup.`);
        this.options.mask(value);
        if (this.refreshToken && typeof body.refresh_token === 'string' && body.refresh_token) {
            this.options.mask(body.refresh_token);
            this.refreshToken = body.refresh_token;
        }
        const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
        // Renew a little early so a token does not expire between our check and the registry's.
        const margin = Math.min(10, lifetime / 4);
        this.tokens.set(key, { value, expiresAt: this.now() + (lifetime - margin) * 1000 });
        return value;
    }
}
/** Sent to token services as client_id: the token spec asks for a name that shows in their audit logs. */
const OAUTH_CLIENT_ID = 'static-thttpd';
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}
function basicValue(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
/** `UNAUTHORIZED: authentication required`, from the distribution error JSON, when there is one. */
function registryErrorText(body) {
    if (body.length === 0 || body.length > 64 * 1024)
        return undefined;
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        const parts = (parsed.errors ?? [])
            .map((e) => [e.code, e.message].filter((x) => typeof x === 'string' && x !== '').join(': '))
            .filter(Boolean);
        if (parts.length)
            return parts.join('; ');
        if (typeof parsed.details === 'string')
            return parsed.details;
    }
    catch {
        // Not JSON (a proxy's HTML page): the status says enough.
    }
    return undefined;
}
/** The `errors[].code` values of a registry's JSON error body, e.g. `MANIFEST_BLOB_UNKNOWN`. */
function registryErrorCodes(body) {
    if (body.length === 0 || body.length > 64 * 1024)
        return [];
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        return (parsed.errors ?? []).map((e) => e.code).filter((c) => typeof c === 'string');
    }
    catch {
        return [];
    }
}
/** A Failure naming the registry, the request and the status, with the registry's own words. */
function registryError(registry, method, url, response, todo) {
    const said = registryErrorText(response.body);
    const retried = response.retries ? ` after ${response.retries + 1} attempts` : '';
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return new RegistryFailure(`Expected ${registry} to accept ${describeRequest(method, url)}, found ${status}${retried}${said ? ` (${said})` : ''}. ${todo}`.trim(), response.status);
}
class RegistryFailure extends Failure {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Who we are to a registry. The order is the one people expect from `docker login`:
// what the workflow passes explicitly wins, then whatever `docker login` (or a credential
// helper) left in the Docker config, then, for ghcr.io only, the job's GitHub token.





/** The key `docker login` uses for Docker Hub, a leftover of the v1 API. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
function dockerConfigPath(env) {
    if (env.DOCKER_CONFIG)
        return (0,external_node_path_namespaceObject.join)(env.DOCKER_CONFIG, 'config.json');
    if (env.HOME)
        return (0,external_node_path_namespaceObject.join)(env.HOME, '.docker', 'config.json');
    return undefined;
}
/** `https://ghcr.io/v2/` → `ghcr.io`, as the Docker CLI normalises config keys. */
function configKeyHost(key) {
    return key.replace(/^[a-z]+:\/\//i, '').split('/')[0].toLowerCase();
}
function hostsFor(name) {
    return isDockerHub(name) ? ['index.docker.io', 'docker.io', 'registry-1.docker.io'] : [name.domain.toLowerCase()];
}
/** The server URL a credential helper is asked about, as the Docker CLI asks it. */
function helperServerUrl(name) {
    return isDockerHub(name) ? DOCKER_HUB_CONFIG_KEY : name.domain;
}
/** The `auths` entry for this registry: an exact key first, then any key naming the same host. */
function findAuthEntry(auths, name) {
    if (!auths)
        return undefined;
    const exact = isDockerHub(name) ? [DOCKER_HUB_CONFIG_KEY] : [name.domain, `https://${name.domain}`];
    for (const key of exact)
        if (auths[key])
            return [key, auths[key]];
    const hosts = hostsFor(name);
    return Object.entries(auths).find(([key]) => hosts.includes(configKeyHost(key)));
}
function findHelper(helpers, name) {
    if (!helpers)
        return undefined;
    const hosts = hostsFor(name);
    return Object.entries(helpers).find(([key]) => key === helperServerUrl(name) || hosts.includes(configKeyHost(key)))?.[1];
}
function decodeAuthEntry(key, entry, file, ctx) {
    const source = `${file} (auths["${key}"])`;
    if (entry.identitytoken) {
        // docker lets the identity token win; `auth` then holds "username:" with no password.
        ctx.mask(entry.identitytoken);
        if (entry.auth)
            ctx.mask(entry.auth);
        const fromAuth = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] : undefined;
        return { username: entry.username || fromAuth || '', password: '', identityToken: entry.identitytoken, source };
    }
    if (entry.auth) {
        ctx.mask(entry.auth);
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Failure(`Expected auths["${key}"].auth in ${file} to be base64 of "username:password", found something else. Run \`docker login\` again or fix the entry.`);
        }
        const password = decoded.slice(colon + 1);
        ctx.mask(password);
        return { username: decoded.slice(0, colon), password, source };
    }
    if (entry.username && entry.password) {
        ctx.mask(entry.password);
        return { username: entry.username, password: entry.password, source };
    }
    // An empty entry is what `docker login` writes when a credsStore holds the secret.
    return undefined;
}
/** ` at line L, column C` when V8 names the offset of a JSON error ("at position N"), else nothing. */
function syntaxErrorPlace(text, message) {
    const offset = /\bat position (\d+)\b/.exec(message)?.[1];
    if (offset === undefined)
        return '';
    const before = text.slice(0, Number(offset));
    return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}
async function readDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new Failure(`Expected to read the Docker config ${file}, found: ${error.message}. Fix its permissions or point DOCKER_CONFIG elsewhere.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        // Only where: V8's message can quote the text around the error, which may be a credential.
        const at = syntaxErrorPlace(text, error.message);
        throw new Failure(`Expected the Docker config ${file} to be JSON, found a syntax error${at}. Fix the file (or run \`docker login\` again), or point DOCKER_CONFIG elsewhere.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Failure(`Expected the Docker config ${file} to hold a JSON object, found ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}. Fix the file, or point DOCKER_CONFIG elsewhere.`);
    }
    return parsed;
}
/** Runs `docker-credential-NAME get`: server URL on stdin, `{"Username","Secret"}` on stdout. */
async function runCredentialHelper(helper, serverUrl, ctx) {
    const program = `docker-credential-${helper}`;
    const result = await new Promise((resolve, reject) => {
        // With env given, spawn looks the program up on env.PATH: the pipeline's PATH, not ours.
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, ['get'], { env: ctx.env, stdio: ['pipe', 'pipe', 'pipe'] });
        // Our own timer: spawn's `timeout` option keeps the process alive when the spawn fails.
        const timer = setTimeout(() => child.kill('SIGKILL'), ctx.helperTimeoutMs ?? 30_000);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 128 : null), stdout, stderr });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(serverUrl);
    }).catch((error) => {
        if (error.code === 'ENOENT') {
            throw new Failure(`Expected the credential helper ${program} (named in the Docker config for ${serverUrl}) on PATH, found none. ` +
                `Install it, remove it from credsStore/credHelpers, or pass a username and password.`);
        }
        throw new Failure(`Expected to run ${program} for ${serverUrl}, found: ${error.message}. Check the helper.`);
    });
    const out = result.stdout.trim();
    if (result.code !== 0) {
        // The helpers' protocol: this exact message means "no entry", not a failure.
        if (/credentials not found/i.test(out) || /credentials not found/i.test(result.stderr))
            return undefined;
        const said = (result.stderr.trim() || out).split('\n')[0]?.slice(0, 200) ?? '';
        throw new Failure(`Expected ${program} get to succeed for ${serverUrl}, found exit status ${result.code}${said ? `: ${said}` : ''}. Check the helper (try \`echo ${serverUrl} | ${program} get\`).`);
    }
    let parsed;
    try {
        parsed = JSON.parse(out);
    }
    catch {
        throw new Failure(`Expected ${program} get to print JSON {"Username","Secret"} for ${serverUrl}, found something else. Check the helper.`);
    }
    if (typeof parsed.Secret !== 'string' || parsed.Secret === '' || typeof parsed.Username !== 'string') {
        throw new Failure(`Expected ${program} get to print a Username and a Secret for ${serverUrl}, found ${parsed.Secret ? 'no Username' : 'no Secret'}. Run \`docker login ${serverUrl}\` again.`);
    }
    ctx.mask(parsed.Secret);
    // The helpers' protocol for an identity token (an OAuth2 refresh token), as docker reads it.
    if (parsed.Username === '<token>')
        return { username: '', password: '', identityToken: parsed.Secret, source: `credential helper ${program}` };
    return { username: parsed.Username, password: parsed.Secret, source: `credential helper ${program}` };
}
async function resolveCredentials(name, inputs, ctx) {
    const username = inputs.username?.trim() ?? '';
    const password = inputs.password ?? '';
    if (password)
        ctx.mask(password);
    if (inputs.githubToken)
        ctx.mask(inputs.githubToken);
    if (username && password)
        return { username, password, source: 'the username and password inputs' };
    if (username || password) {
        throw new Failure(`Expected both a username and a password for ${name.domain}, found only ${username ? 'a username' : 'a password'}. ` +
            'Pass both, or neither to use the Docker config (or, for ghcr.io, the GitHub token).');
    }
    const file = dockerConfigPath(ctx.env);
    const config = file ? await readDockerConfig(file) : undefined;
    if (file && config) {
        const helper = findHelper(config.credHelpers, name);
        if (helper) {
            const found = await runCredentialHelper(helper, helperServerUrl(name), ctx);
            if (found)
                return found;
        }
        const entry = findAuthEntry(config.auths, name);
        const fromFile = entry && decodeAuthEntry(entry[0], entry[1], file, ctx);
        if (fromFile)
            return fromFile;
        if (!helper && config.credsStore) {
            const found = await runCredentialHelper(config.credsStore, helperServerUrl(name), ctx);
            if (found)
                return found;
        }
    }
    if (name.domain === 'ghcr.io' && inputs.githubToken) {
        return { username: inputs.githubActor?.trim() || 'github-actions', password: inputs.githubToken, source: 'the GitHub token' };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// The distribution API calls the publish stage needs, for one registry, each checked
// against what the spec says a registry answers, so a misbehaving registry or proxy is
// caught at the request that went wrong and named in the error.






const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
/** What a 401/403 should make the user check, per registry. */
function permissionHint(name) {
    const base = `Check the credentials and that they may push to ${name.name}`;
    if (name.domain === 'ghcr.io')
        return `${base}: for ghcr.io the token needs \`packages: write\` (in a workflow, \`permissions: packages: write\`), and a personal token the write:packages scope.`;
    if (name.domain === 'docker.io')
        return `${base}: for Docker Hub use an access token with Read & Write permission.`;
    return `${base}.`;
}
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex')}`;
}
/** Bounds a tag listing: a registry (or proxy) linking pages forever must not hang a run. */
const MAX_TAG_PAGES = 1000;
function tagsOfPage(registry, repository, body) {
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch {
        parsed = undefined;
    }
    const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    const tags = isObject ? parsed.tags : 'not an object';
    // distribution answers `"tags": null` for a repository whose tags were all deleted.
    if (tags === null || tags === undefined)
        return [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
        throw new Failure(`Expected the tag list of ${registry}/${repository} as JSON {"tags": [...]}, found something else. Check the registry (or the proxy in front of it).`);
    }
    return tags;
}
/** The `rel="next"` target of a Link header, resolved against the page that carried it. */
function nextPage(link, base) {
    for (const part of (link ?? '').split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (match?.[1] !== undefined && /;\s*rel="?next"?(?:\s*[;,]|\s*$)/i.test(match[2] ?? ''))
            return new URL(match[1], base).href;
    }
    return undefined;
}
class RegistryClient {
    name;
    transport;
    auth;
    started = false;
    constructor(name, transport, auth) {
        this.name = name;
        this.transport = transport;
        this.auth = auth;
    }
    /** Resolves credentials (inputs, Docker config, GitHub token) and builds a client. */
    static async create(name, options = {}) {
        const mask = options.mask ?? (() => undefined);
        const credentials = await resolveCredentials(name, options.credentials ?? {}, { env: options.env ?? {}, mask });
        const transport = new Transport({ insecureRegistries: options.insecureRegistries, insecureRegistriesName: options.insecureRegistriesName, retry: options.retry, logger: options.logger });
        const auth = new Authenticator({ transport, registry: name.registry, credentials, mask, logger: options.logger, permissionHint: permissionHint(name) });
        if (credentials) {
            const who = credentials.identityToken ? `an identity token${credentials.username ? ` of ${credentials.username}` : ''}` : `user ${credentials.username}`;
            options.logger?.info(`Using credentials for ${name.domain} from ${credentials.source} (${who}).`);
        }
        return new RegistryClient(name, transport, auth);
    }
    get registry() {
        return this.name.registry;
    }
    url(path) {
        return `${this.transport.origin(this.registry)}${path}`;
    }
    /**
     * The first call probes `GET /v2/`: it learns the auth scheme and, for loopback or
     * insecure hosts, whether the registry speaks TLS, so URLs are built only after it.
     */
    async ready() {
        if (this.started)
            return;
        await this.auth.start(this.transport.origin(this.registry));
        this.started = true;
    }
    /** Every API call goes through here: auth header, one re-authentication on 401. */
    async call(request, scopes) {
        const send = async (withScopes) => {
            const authorization = await this.auth.header(withScopes);
            return this.transport.send({ ...request, headers: { ...request.headers, ...(authorization ? { authorization } : {}) } });
        };
        const response = await send(scopes);
        if (response.status !== 401)
            return response;
        const retryScopes = this.auth.retryScopes(response, scopes);
        return retryScopes ? send(retryScopes) : response;
    }
    fail(method, url, response, todo) {
        const denied = response.status === 401 || response.status === 403;
        const hint = denied
            ? permissionHint(this.name)
            : response.status === 429
                ? 'The registry is limiting the rate of requests: wait a while, then run again.'
                : 'See the registry\'s message; run again once it is fixed.';
        return registryError(this.registry, method, url, response, todo ?? hint);
    }
    static checkDigest(digest) {
        if (!DIGEST.test(digest))
            throw new Failure(`Expected a sha256 digest (sha256:<64 hex>), found \`${digest}\`. This is a bug in the image stage.`);
    }
    async hasBlob(repository, digest) {
        RegistryClient.checkDigest(digest);
        await this.ready();
        const url = this.url(`/v2/${repository}/blobs/${digest}`);
        const response = await this.call({ method: 'HEAD', url }, [repositoryScope(repository, ['pull', 'push'])]);
        if (response.status === 200)
            return true;
        if (response.status === 404)
            return false;
        throw this.fail('HEAD', url, response);
    }
    /**
     * Asks the registry to link a blob it holds in `fromRepository` into `repository`: no
     * bytes sent. 202 means it declined (no such blob there, or no pull right on it) and
     * opened an ordinary upload instead, which `uploadBlob` can use.
     */
    async mountBlob(repository, digest, fromRepository) {
        RegistryClient.checkDigest(digest);
        await this.ready();
        const query = new URLSearchParams({ mount: digest, from: fromRepository });
        const url = this.url(`/v2/${repository}/blobs/uploads/?${query}`);
        const scopes = [repositoryScope(repository, ['pull', 'push']), repositoryScope(fromRepository, ['pull'])];
        const response = await this.call({ method: 'POST', url, headers: { 'content-length': '0' } }, scopes);
        if (response.status === 201)
            return { mounted: true };
        const location = response.headers.get('location');
        if (response.status === 202)
            return { mounted: false, location: location ? new URL(location, response.url).href : undefined };
        throw this.fail('POST', url, response);
    }
    /** A monolithic upload: open a session (or use the one a declined mount opened), PUT the bytes. */
    async uploadBlob(repository, blob, openedLocation) {
        RegistryClient.checkDigest(blob.digest);
        await this.ready();
        const scopes = [repositoryScope(repository, ['pull', 'push'])];
        let location;
        if (openedLocation) {
            location = openedLocation;
        }
        else {
            const start = this.url(`/v2/${repository}/blobs/uploads/`);
            const opened = await this.call({ method: 'POST', url: start, headers: { 'content-length': '0' } }, scopes);
            if (opened.status !== 202)
                throw this.fail('POST', start, opened);
            const header = opened.headers.get('location');
            if (!header)
                throw new Failure(`Expected ${this.registry} to answer POST /v2/${repository}/blobs/uploads/ with a Location header, found none. The registry (or a proxy) is not following the distribution spec.`);
            // Relative Locations resolve against the URL that answered (a redirect may have moved it).
            location = new URL(header, opened.url).href;
        }
        // Appending keeps the registry's own query (its upload state) byte for byte.
        const put = `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(blob.digest)}`;
        let response;
        try {
            response = await this.call({ method: 'PUT', url: put, headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.data.length) }, body: blob.data }, scopes);
        }
        catch (error) {
            if (error instanceof NetworkFailure && error.retries > 0 && (await this.landedAnyway(repository, blob.digest)))
                return;
            throw error;
        }
        if (response.status !== 201 && response.status !== 204) {
            // A retried PUT whose first try completed but lost its answer finds the session closed
            // (404 BLOB_UPLOAD_UNKNOWN): the blob is there all the same.
            if (response.retries > 0 && (await this.landedAnyway(repository, blob.digest)))
                return;
            throw this.fail('PUT', put, response);
        }
        this.checkAnsweredDigest('PUT', put, response, blob.digest);
    }
    async landedAnyway(repository, digest) {
        try {
            return await this.hasBlob(repository, digest);
        }
        catch {
            return false;
        }
    }
    /**
     * PUTs a manifest or index under a digest or a tag, with its own media type. The
     * Docker-Content-Digest the registry answers must be the digest of the bytes we sent:
     * otherwise something between us rewrote them, and the tags would point elsewhere.
     */
    async putManifest(repository, reference, blob) {
        if (!DIGEST.test(reference) && !TAG.test(reference)) {
            throw new Failure(`Expected a tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127}) or a sha256 digest, found \`${reference}\`. Fix the tag.`);
        }
        if (DIGEST.test(reference) && reference !== blob.digest) {
            throw new Failure(`Expected to push the manifest ${blob.digest} under its own digest, found ${reference}. This is a bug.`);
        }
        await this.ready();
        const url = this.url(`/v2/${repository}/manifests/${reference}`);
        for (let attempt = 1;; attempt++) {
            const response = await this.call({ method: 'PUT', url, headers: { 'content-type': blob.mediaType, 'content-length': String(blob.data.length) }, body: blob.data }, [repositoryScope(repository, ['pull', 'push'])]);
            if (response.status === 201 || response.status === 200 || response.status === 204) {
                if (response.headers.has('docker-content-digest'))
                    this.checkAnsweredDigest('PUT', url, response, blob.digest);
                else
                    await this.confirmManifest(repository, reference, blob);
                return blob.digest;
            }
            // Everything a manifest names was pushed before it, so "blob unknown" means "not yet":
            // distribution's filesystem storage rewrites a repository's links in place, and while
            // another push of the same image relinks them it refuses manifests that name them.
            if (response.status === 400 && attempt < this.transport.policy.attempts && registryErrorCodes(response.body).includes('MANIFEST_BLOB_UNKNOWN')) {
                await this.transport.waitToRetry(attempt, `${this.registry} answered PUT /v2/${repository}/manifests/${reference} with 400 MANIFEST_BLOB_UNKNOWN for blobs just pushed`);
                continue;
            }
            throw this.fail('PUT', url, response);
        }
    }
    /**
     * A registry that answers a manifest PUT without Docker-Content-Digest has not said what it
     * stored: read the reference back and hash the bytes, so a tag is never taken on trust.
     */
    async confirmManifest(repository, reference, blob) {
        const stored = await this.getManifest(repository, reference, [blob.mediaType]);
        if (stored?.digest === blob.digest)
            return;
        throw new Failure(`Expected ${this.registry} to serve ${repository}:${reference} as ${blob.digest} after accepting its PUT (the answer carried no Docker-Content-Digest), ` +
            `found ${stored ? stored.digest : 'no such manifest'}. The bytes were changed on the way or the registry did not store them: nothing further is tagged. ` +
            'Check what sits between this machine and the registry.');
    }
    checkAnsweredDigest(method, url, response, expected) {
        const answered = response.headers.get('docker-content-digest');
        if (answered && answered !== expected) {
            throw new Failure(`Expected ${this.registry} to store ${method} ${new URL(url).pathname} as ${expected}, found it answered Docker-Content-Digest ${answered}. ` +
                'The bytes were changed on the way (a proxy?) or the registry rewrote them: nothing further is tagged. Check what sits between this machine and the registry.');
        }
    }
    /**
     * Before anything is built: the registry answers, and takes our credentials (Basic is
     * checked by the first probe; a token service must hand out a push token for the repository).
     */
    async checkPush(repository) {
        await this.ready();
        await this.auth.header([repositoryScope(repository, ['pull', 'push'])]);
    }
    /**
     * Every tag of a repository, following the `Link: <…>; rel="next"` pages; none for a
     * repository that does not exist yet. `actions` are the token scope's: a publisher asks for
     * pull,push so the token it already holds for the push serves.
     */
    async listTags(repository, actions = ['pull']) {
        await this.ready();
        const scopes = [repositoryScope(repository, actions)];
        const first = this.url(`/v2/${repository}/tags/list`);
        const tags = [];
        const seen = new Set();
        for (let url = first; url;) {
            if (seen.has(url) || seen.size >= MAX_TAG_PAGES) {
                throw new Failure(`Expected the tag list of ${this.registry}/${repository} to end, found ${seen.has(url) ? 'a page linking back to an earlier one' : `more than ${MAX_TAG_PAGES} pages`}. Check the registry (or the proxy in front of it).`);
            }
            seen.add(url);
            const response = await this.call({ method: 'GET', url, headers: { accept: 'application/json' } }, scopes);
            if (response.status === 404 && url === first)
                return [];
            if (response.status !== 200)
                throw this.fail('GET', url, response);
            tags.push(...tagsOfPage(this.registry, repository, response.body));
            url = nextPage(response.headers.get('link'), response.url);
        }
        return tags;
    }
    /** A blob's bytes (e.g. a config), checked against its digest; undefined when the repository has none. */
    async getBlob(repository, digest) {
        RegistryClient.checkDigest(digest);
        await this.ready();
        const url = this.url(`/v2/${repository}/blobs/${digest}`);
        const response = await this.call({ method: 'GET', url }, [repositoryScope(repository, ['pull'])]);
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.fail('GET', url, response);
        if (sha256Digest(response.body) !== digest) {
            throw new Failure(`Expected the blob ${digest} from ${this.registry}/${repository}, found bytes with digest ${sha256Digest(response.body)}. Something rewrote them on the way.`);
        }
        return response.body;
    }
    /** Fetches a manifest or index, verifying a digest reference against the bytes. */
    async getManifest(repository, reference, accept = MANIFEST_TYPES) {
        await this.ready();
        const url = this.url(`/v2/${repository}/manifests/${reference}`);
        const response = await this.call({ method: 'GET', url, headers: { accept: accept.join(', ') } }, [repositoryScope(repository, ['pull'])]);
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.fail('GET', url, response);
        const digest = sha256Digest(response.body);
        if (DIGEST.test(reference) && digest !== reference) {
            throw new Failure(`Expected the manifest ${reference} from ${this.registry}/${repository}, found bytes with digest ${digest}. Something rewrote them on the way.`);
        }
        return { mediaType: (response.headers.get('content-type') ?? '').split(';')[0].trim(), digest, size: response.body.length, data: response.body };
    }
}

;// CONCATENATED MODULE: ./src/registry/publish.ts
// The publish stage: an Image (blobs, manifests, index) into a registry repository, then
// tagged. The order is the point: every blob, then each platform manifest by digest, then
// the index by digest, and the tags last, so at no moment does a tag name an image the
// registry cannot serve whole, and a failure anywhere before the tags leaves them as they were.





/** A failed publish, with how far it got: the retries and requests spent, the tags moved. */
class PublishFailure extends Failure {
    stats;
    constructor(message, stats, cause) {
        super(message, { cause });
        this.stats = stats;
    }
}
const noLogger = { info: () => undefined, warning: () => undefined };
function publish_short(digest) {
    return digest.slice(0, 'sha256:'.length + 12);
}
function formatBytes(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    if (bytes < 1_000_000)
        return `${(bytes / 1000).toFixed(1)} kB`;
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
function checkBlob(blob, what) {
    const digest = sha256Digest(blob.data);
    if (digest !== blob.digest || blob.size !== blob.data.length) {
        throw new Failure(`Expected the ${what} to be ${blob.digest} (${blob.size} bytes), found ${digest} (${blob.data.length} bytes). ` +
            'The image was changed after it was built: this is a bug; nothing was pushed.');
    }
}
function referencedDigests(manifest) {
    try {
        const parsed = JSON.parse(manifest.data.toString('utf8'));
        return [parsed.config?.digest, ...(parsed.layers ?? []).map((l) => l.digest), ...(parsed.manifests ?? []).map((m) => m.digest)].filter((d) => typeof d === 'string');
    }
    catch {
        throw new Failure(`Expected the manifest ${manifest.digest} to be JSON, found something else. This is a bug in the image stage; nothing was pushed.`);
    }
}
/** Catches a broken Image before the first byte leaves: a failure before publish pushes nothing. */
function checkImage(image) {
    if (image.platforms.length === 0)
        throw new Failure('Expected at least one platform image to publish, found none. This is a bug; nothing was pushed.');
    checkBlob(image.index, 'image index');
    const manifests = new Set();
    for (const p of image.platforms) {
        checkBlob(p.layer, `${p.platform} layer`);
        checkBlob(p.config, `${p.platform} config`);
        checkBlob(p.manifest, `${p.platform} manifest`);
        manifests.add(p.manifest.digest);
        const have = new Set([p.layer.digest, p.config.digest]);
        for (const d of referencedDigests(p.manifest)) {
            if (!have.has(d))
                throw new Failure(`Expected the ${p.platform} manifest to reference only its layer and config, found ${d}. This is a bug in the image stage; nothing was pushed.`);
        }
    }
    for (const d of referencedDigests(image.index)) {
        if (!manifests.has(d))
            throw new Failure(`Expected the image index to reference only the platform manifests, found ${d}. This is a bug in the image stage; nothing was pushed.`);
    }
}
function checkTags(tags) {
    const bad = tags.filter((t) => !TAG.test(t));
    if (bad.length) {
        throw new Failure(`Expected tags matching [A-Za-z0-9_][A-Za-z0-9._-]{0,127}, found ${bad.map((t) => `\`${t}\``).join(', ')}. Fix the tags; nothing was pushed.`);
    }
    return [...new Set(tags)];
}
/** Layers and configs, each once (two platforms may share a layer). */
function publish_uniqueBlobs(image) {
    const byDigest = new Map();
    for (const p of image.platforms)
        for (const b of [p.layer, p.config])
            if (!byDigest.has(b.digest))
                byDigest.set(b.digest, b);
    return [...byDigest.values()];
}
/** The registry client of one run, for checkPushAccess, existingTags and publish alike. */
async function openRegistry(image, options = {}) {
    return RegistryClient.create(parseImageName(image), { ...options, logger: options.logger ?? noLogger });
}
async function openSession(target, options) {
    const logger = options.logger ?? noLogger;
    const name = parseImageName(target.image);
    const tags = checkTags(target.tags);
    if (options.client && options.client.name.name !== name.name) {
        throw new Error(`publish to ${name.name} was handed the client of ${options.client.name.name}`);
    }
    const client = options.client ?? (await RegistryClient.create(name, { ...options, logger }));
    const stats = { blobsUploaded: 0, blobsMounted: 0, blobsSkipped: 0, bytesUploaded: 0, manifestsPushed: 0, tagsPushed: 0, requests: 0, retries: 0 };
    return { name, tags, client, stats, logger, base: { ...client.transport.stats } };
}
/** Runs the pushes, then fills in the transport's counts; a Failure says how far it got. */
async function pushing(session, work) {
    const { stats, client, name, tags, base } = session;
    const finish = () => {
        stats.requests = client.transport.stats.requests - base.requests;
        stats.retries = client.transport.stats.retries - base.retries;
    };
    try {
        await work();
    }
    catch (error) {
        finish();
        if (error instanceof Failure) {
            const moved = stats.tagsPushed ? `${stats.tagsPushed} of ${tags.length} tags were moved` : 'no tag was changed';
            // A refused tag did not move; one whose answer was lost or contradicted may have, to the complete image.
            const tagged = session.tagging !== undefined && !(error instanceof RegistryFailure)
                ? `${stats.tagsPushed ? moved : 'no tag was moved'} before \`${session.tagging}\` failed, which the registry may have applied (it would name this complete image)`
                : moved;
            throw new PublishFailure(`${error.message} (Publishing ${name.name}: ${tagged}.)`, { ...stats }, error);
        }
        throw error;
    }
    finish();
}
/** The index by digest, then each tag: the same index bytes, so a tag only ever names a complete image. */
async function pushIndexAndTags(session, index) {
    const { client, name, stats, tags } = session;
    await client.putManifest(name.repository, index.digest, index);
    stats.manifestsPushed++;
    for (const tag of tags) {
        session.tagging = tag;
        await client.putManifest(name.repository, tag, index);
        stats.tagsPushed++;
    }
    session.tagging = undefined;
}
function result(session, index, platforms) {
    const { name, tags, stats } = session;
    session.logger.info(`Pushed ${name.name}@${index.digest}: blobs ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ` +
        `${stats.blobsMounted} mounted, ${stats.blobsSkipped} already there; ${stats.manifestsPushed} manifests; tags ${tags.join(', ') || '(none)'}.`);
    return { image: name.name, digest: index.digest, tags: tags.map((t) => `${name.name}:${t}`), platforms, stats };
}
async function publish(image, target, options = {}) {
    checkImage(image);
    const session = await openSession(target, options);
    const { client, name, stats, logger } = session;
    const locations = options.blobLocations ?? new MemoryBlobLocations();
    const repo = name.repository;
    await pushing(session, async () => {
        for (const blob of publish_uniqueBlobs(image)) {
            if (await client.hasBlob(repo, blob.digest)) {
                stats.blobsSkipped++;
                await locations.record(name.registry, blob.digest, repo);
                continue;
            }
            let opened;
            let mounted = false;
            for (const from of (await locations.repositoriesWith(name.registry, blob.digest)).filter((r) => r !== repo)) {
                const mount = await client.mountBlob(repo, blob.digest, from);
                if (mount.mounted) {
                    mounted = true;
                    logger.info(`Mounted ${publish_short(blob.digest)} from ${name.domain}/${from}.`);
                    break;
                }
                // The registry opened an upload instead: use it rather than open another.
                opened = mount.location;
                if (opened)
                    break;
            }
            if (mounted) {
                stats.blobsMounted++;
            }
            else {
                await client.uploadBlob(repo, blob, opened);
                stats.blobsUploaded++;
                stats.bytesUploaded += blob.data.length;
                logger.info(`Uploaded ${publish_short(blob.digest)} (${formatBytes(blob.data.length)}).`);
            }
            await locations.record(name.registry, blob.digest, repo);
        }
        for (const p of image.platforms) {
            await client.putManifest(repo, p.manifest.digest, p.manifest);
            stats.manifestsPushed++;
        }
        await pushIndexAndTags(session, image.index);
    });
    return result(session, image.index, image.platforms.map((p) => ({ platform: p.platform, digest: p.manifest.digest })));
}
/** An index over platform manifests already in the repository (see index-assembly.ts), then the tags. */
async function publishIndex(index, platforms, target, options = {}) {
    const session = await openSession(target, options);
    await pushing(session, () => pushIndexAndTags(session, index));
    return result(session, index, platforms);
}
/** Fails fast, before a build, when the registry is unreachable or refuses our credentials. */
async function checkPushAccess(client) {
    await client.checkPush(client.name.repository);
}
/**
 * The tags already in the repository, so line tags and `latest` never move back to an older
 * version. Asked with the push's scope: the token the access check fetched serves.
 */
async function existingTags(client) {
    try {
        return await client.listTags(client.name.repository, ['pull', 'push']);
    }
    catch (error) {
        if (!(error instanceof Failure))
            throw error;
        throw new Failure(`${error.message} (The repository's tags are read so that line tags and latest never move back to an older version; ` +
            'with latest true or false and tag templates naming one build, such as {{raw}}, they are not needed.)', { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/source/cache.ts
// Where verified tarballs are kept between runs. The action uses GitHub's cache, the CLI
// a folder; a cached file is trusted only after its checksum is verified again.


function cacheKey(version, sha256) {
    return `static-thttpd-source-${version}-${sha256}`;
}
/** A cache that is down costs a download, never the build: its errors become warnings. */
function forgivingCache(cache, log) {
    return {
        async restore(key, path) {
            try {
                return await cache.restore(key, path);
            }
            catch (error) {
                log.warning(`source cache unavailable, downloading instead: ${error.message}`);
                return false;
            }
        },
        async save(key, path) {
            try {
                await cache.save(key, path);
            }
            catch (error) {
                log.warning(`could not save the source to the cache (the build goes on): ${error.message}`);
            }
        },
    };
}
/** A cache in a folder, for the CLI. */
function folderCache(dir) {
    return {
        async restore(key, path) {
            try {
                await (0,promises_namespaceObject.copyFile)((0,external_node_path_namespaceObject.join)(dir, `${key}.tar.gz`), path);
                return true;
            }
            catch {
                return false;
            }
        },
        async save(key, path) {
            await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
            const partial = (0,external_node_path_namespaceObject.join)(dir, `.${key}.${process.pid}`);
            await (0,promises_namespaceObject.copyFile)(path, partial);
            await (0,promises_namespaceObject.rename)(partial, (0,external_node_path_namespaceObject.join)(dir, `${key}.tar.gz`));
        },
    };
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/source/extract.ts
// Unpacks a release tarball into a fresh folder, refusing anything that could write
// outside it or blow up the disk: absolute or `..` names, links leaving the tree,
// devices, and more bytes than the limit. Nothing is left behind on refusal.







const REQUIRED = ['configure', 'Makefile.in', 'thttpd.c', 'version.h'];
function extract_refuse(tarball, name, why) {
    return new Failure(`refusing to unpack source ${tarball}: entry "${name}" ${why}. A thttpd release holds only plain files and folders under thttpd-VERSION/; get the tarball from a trusted place`);
}
/** The entry's path inside the archive, normalised; refuses what could escape. */
function safeName(tarball, header) {
    const name = header.name;
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
        throw extract_refuse(tarball, name, 'is an absolute path');
    const parts = name.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        throw extract_refuse(tarball, name, 'climbs out with ".."');
    if (parts.length === 0)
        throw extract_refuse(tarball, name, 'has an empty name');
    return parts.join('/');
}
/** Links may only point down or sideways: a `..` could climb out through another link. */
function checkLink(tarball, name, target) {
    if (!target)
        throw extract_refuse(tarball, name, 'is a link with no target');
    if (target.startsWith('/'))
        throw extract_refuse(tarball, name, `is a link to the absolute path ${target}`);
    if (target.split('/').includes('..'))
        throw extract_refuse(tarball, name, `is a link to ${target}, which climbs out with ".."`);
    return target;
}
async function extractRelease(tarball, options) {
    const { workDir, maxBytes, name: inputName } = options;
    const pass = `Pass a thttpd-VERSION.tar.gz release tarball with ${inputName('source')}`;
    await (0,promises_namespaceObject.mkdir)(workDir, { recursive: true });
    const root = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(workDir, 'tree-'));
    try {
        const tops = new Set();
        let total = 0;
        const unpack = (0,tar_stream.extract)();
        unpack.on('entry', (header, stream, next) => {
            void (async () => {
                const name = safeName(tarball, header);
                tops.add(name.split('/')[0] ?? name);
                const path = (0,external_node_path_namespaceObject.join)(root, name);
                switch (header.type) {
                    case 'directory':
                        await (0,promises_namespaceObject.mkdir)(path, { recursive: true });
                        stream.resume();
                        break;
                    case 'file':
                    case 'contiguous-file':
                        total += header.size ?? 0;
                        if (total > maxBytes)
                            throw extract_refuse(tarball, name, `takes the unpacked size past the limit of ${maxBytes} bytes (${inputName('source-max-bytes')})`);
                        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
                        await (0,external_node_stream_promises_namespaceObject.pipeline)(stream, (0,external_node_fs_namespaceObject.createWriteStream)(path, { mode: (header.mode ?? 0o644) & 0o755 }));
                        break;
                    case 'symlink':
                        await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
                        await (0,promises_namespaceObject.symlink)(checkLink(tarball, name, header.linkname ?? undefined), path);
                        stream.resume();
                        break;
                    default:
                        throw extract_refuse(tarball, name, `is a ${header.type ?? 'special'} entry`);
                }
            })().then(() => next(), (error) => next(error));
        });
        await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(tarball), (0,external_node_zlib_namespaceObject.createGunzip)(), unpack).catch((error) => {
            if (error instanceof Failure)
                throw error;
            throw new Failure(`source ${tarball} is not a readable .tar.gz (${error.message}): pass a thttpd-VERSION.tar.gz release tarball with ${inputName('source')}`);
        });
        if (tops.size !== 1) {
            throw new Failure(`source ${tarball} is not a thttpd release: expected one top folder like thttpd-2.29/, found ${tops.size ? [...tops].slice(0, 5).join(', ') : 'no entries'}. ${pass}`);
        }
        const dir = (0,external_node_path_namespaceObject.join)(root, [...tops][0]);
        const missing = [];
        for (const file of REQUIRED) {
            if (!(await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.join)(dir, file)).then((s) => s.isFile(), () => false)))
                missing.push(file);
        }
        if (missing.length) {
            throw new Failure(`source ${tarball} is not a thttpd release: ${missing.join(', ')} missing from its top folder, which should hold ${REQUIRED.join(', ')}. ${pass}`);
        }
        const serverSoftware = /SERVER_SOFTWARE\s+"([^"]+)"/.exec(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, 'version.h'), 'utf8'))?.[1];
        if (!serverSoftware)
            throw new Failure(`source ${tarball} is not a thttpd release: expected version.h to define SERVER_SOFTWARE "thttpd/VERSION DATE", found none. ${pass}`);
        return { dir, serverSoftware };
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(root, { recursive: true, force: true });
        throw error;
    }
}
/**
 * The release the tarball says it is (version.h) must be the one asked for: the version
 * names the image's tags and labels, and a mismatch is cheaper to report before compiling.
 */
function checkReleaseVersion(serverSoftware, version, name) {
    const found = /^thttpd\/(\S+)/.exec(serverSoftware)?.[1];
    if (found === version)
        return;
    if (!found) {
        throw new Failure(`the source is not a thttpd release: expected version.h to name thttpd/${version}, found "${serverSoftware}". Pass a thttpd-${version}.tar.gz with ${name('source')}`);
    }
    throw new Failure(`${name('version')} is ${version}, but the source is thttpd ${found} (version.h says "${serverSoftware}"): expected thttpd/${version}. ` +
        `Set ${name('version')} ${found} to build this tarball, or pass the ${version} tarball with ${name('source')}`);
}

;// CONCATENATED MODULE: ./src/source/checksum.ts


async function sha256File(path) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let bytes = 0;
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path)) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { sha256: hash.digest('hex'), bytes };
}

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/HTTPError.js
class HTTPError extends Error {
    response;
    request;
    options;
    constructor(response, request, options) {
        const code = (response.status || response.status === 0) ? response.status : '';
        const title = response.statusText ?? '';
        const status = `${code} ${title}`.trim();
        const reason = status ? `status code ${status}` : 'an unknown error';
        super(`Request failed with ${reason}: ${request.method} ${request.url}`);
        this.name = 'HTTPError';
        this.response = response;
        this.request = request;
        this.options = options;
    }
}
//# sourceMappingURL=HTTPError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/TimeoutError.js
class TimeoutError extends Error {
    request;
    constructor(request) {
        super(`Request timed out: ${request.method} ${request.url}`);
        this.name = 'TimeoutError';
        this.request = request;
    }
}
//# sourceMappingURL=TimeoutError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/NonError.js
/**
Wrapper for non-Error values that were thrown.

In JavaScript, any value can be thrown (not just Error instances). This class wraps such values to ensure consistent error handling.
*/
class NonError extends Error {
    name = 'NonError';
    value;
    constructor(value) {
        let message = 'Non-error value was thrown';
        // Intentionally minimal as this error is just an edge-case.
        try {
            if (typeof value === 'string') {
                message = value;
            }
            else if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
                message = value.message;
            }
        }
        catch {
            // Use default message if accessing properties throws
        }
        super(message);
        this.value = value;
    }
}
//# sourceMappingURL=NonError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/errors/ForceRetryError.js

/**
Internal error used to signal a forced retry from afterResponse hooks.
This is thrown when a user returns ky.retry() from an afterResponse hook.
*/
class ForceRetryError_ForceRetryError extends Error {
    name = 'ForceRetryError';
    customDelay;
    code;
    customRequest;
    constructor(options) {
        // Runtime protection: wrap non-Error causes in NonError
        // TypeScript type is Error for guidance, but JS users can pass anything
        const cause = options?.cause
            ? (options.cause instanceof Error ? options.cause : new NonError(options.cause))
            : undefined;
        super(options?.code ? `Forced retry: ${options.code}` : 'Forced retry', cause ? { cause } : undefined);
        this.customDelay = options?.delay;
        this.code = options?.code;
        this.customRequest = options?.request;
    }
}
//# sourceMappingURL=ForceRetryError.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/core/constants.js
const supportsRequestStreams = (() => {
    let duplexAccessed = false;
    let hasContentType = false;
    const supportsReadableStream = typeof globalThis.ReadableStream === 'function';
    const supportsRequest = typeof globalThis.Request === 'function';
    if (supportsReadableStream && supportsRequest) {
        try {
            hasContentType = new globalThis.Request('https://empty.invalid', {
                body: new globalThis.ReadableStream(),
                method: 'POST',
                // @ts-expect-error - Types are outdated.
                get duplex() {
                    duplexAccessed = true;
                    return 'half';
                },
            }).headers.has('Content-Type');
        }
        catch (error) {
            // QQBrowser on iOS throws "unsupported BodyInit type" error (see issue #581)
            if (error instanceof Error && error.message === 'unsupported BodyInit type') {
                return false;
            }
            throw error;
        }
    }
    return duplexAccessed && !hasContentType;
})();
const supportsAbortController = typeof globalThis.AbortController === 'function';
const supportsAbortSignal = typeof globalThis.AbortSignal === 'function' && typeof globalThis.AbortSignal.any === 'function';
const supportsResponseStreams = typeof globalThis.ReadableStream === 'function';
const supportsFormData = typeof globalThis.FormData === 'function';
const requestMethods = ['get', 'post', 'put', 'patch', 'head', 'delete'];
const validate = () => undefined;
validate();
const responseTypes = {
    json: 'application/json',
    text: 'text/*',
    formData: 'multipart/form-data',
    arrayBuffer: '*/*',
    blob: '*/*',
    // Supported in modern Fetch implementations (for example, browsers and recent Node.js/undici).
    // We still feature-check at runtime before exposing the shortcut.
    bytes: '*/*',
};
// The maximum value of a 32bit int (see issue #117)
const maxSafeTimeout = 2_147_483_647;
// Size in bytes of a typical form boundary, used to help estimate upload size
const usualFormBoundarySize = new TextEncoder().encode('------WebKitFormBoundaryaxpyiPgbbPti10Rw').length;
const stop = Symbol('stop');
/**
Marker returned by ky.retry() to signal a forced retry from afterResponse hooks.
*/
class RetryMarker {
    options;
    constructor(options) {
        this.options = options;
    }
}
/**
Force a retry from an `afterResponse` hook.

This allows you to retry a request based on the response content, even if the response has a successful status code. The retry will respect the `retry.limit` option and skip the `shouldRetry` check. The forced retry is observable in `beforeRetry` hooks, where the error will be a `ForceRetryError`.

@param options - Optional configuration for the retry.

@example
```
import ky, {isForceRetryError} from 'ky';

const api = ky.extend({
    hooks: {
        afterResponse: [
            async (request, options, response) => {
                // Retry based on response body content
                if (response.status === 200) {
                    const data = await response.clone().json();

                    // Simple retry with default delay
                    if (data.error?.code === 'TEMPORARY_ERROR') {
                        return ky.retry();
                    }

                    // Retry with custom delay from API response
                    if (data.error?.code === 'RATE_LIMIT') {
                        return ky.retry({
                            delay: data.error.retryAfter * 1000,
                            code: 'RATE_LIMIT'
                        });
                    }

                    // Retry with a modified request (e.g., fallback endpoint)
                    if (data.error?.code === 'FALLBACK_TO_BACKUP') {
                        return ky.retry({
                            request: new Request('https://backup-api.com/endpoint', {
                                method: request.method,
                                headers: request.headers,
                            }),
                            code: 'BACKUP_ENDPOINT'
                        });
                    }

                    // Retry with refreshed authentication
                    if (data.error?.code === 'TOKEN_REFRESH' && data.newToken) {
                        return ky.retry({
                            request: new Request(request, {
                                headers: {
                                    ...Object.fromEntries(request.headers),
                                    'Authorization': `Bearer ${data.newToken}`
                                }
                            }),
                            code: 'TOKEN_REFRESHED'
                        });
                    }

                    // Retry with cause to preserve error chain
                    try {
                        validateResponse(data);
                    } catch (error) {
                        return ky.retry({
                            code: 'VALIDATION_FAILED',
                            cause: error
                        });
                    }
                }
            }
        ],
        beforeRetry: [
            ({error, retryCount}) => {
                // Observable in beforeRetry hooks
                if (isForceRetryError(error)) {
                    console.log(`Forced retry #${retryCount}: ${error.message}`);
                    // Example output: "Forced retry #1: Forced retry: RATE_LIMIT"
                }
            }
        ]
    }
});

const response = await api.get('https://example.com/api');
```
*/
const retry = (options) => new RetryMarker(options);
const kyOptionKeys = {
    json: true,
    parseJson: true,
    stringifyJson: true,
    searchParams: true,
    prefixUrl: true,
    retry: true,
    timeout: true,
    hooks: true,
    throwHttpErrors: true,
    onDownloadProgress: true,
    onUploadProgress: true,
    fetch: true,
    context: true,
};
// Vendor-specific fetch options that should always be passed to fetch()
// even if they appear on the Request object due to vendor patching.
// See: https://github.com/sindresorhus/ky/issues/541
const vendorSpecificOptions = {
    next: true, // Next.js cache revalidation (revalidate, tags)
};
// Standard RequestInit options that should NOT be passed separately to fetch()
// because they're already applied to the Request object.
// Note: `dispatcher` and `priority` are NOT included here - they're fetch-only
// options that the Request constructor doesn't accept, so they need to be passed
// separately to fetch().
const requestOptionsRegistry = {
    method: true,
    headers: true,
    body: true,
    mode: true,
    credentials: true,
    cache: true,
    redirect: true,
    referrer: true,
    referrerPolicy: true,
    integrity: true,
    keepalive: true,
    signal: true,
    window: true,
    duplex: true,
};
//# sourceMappingURL=constants.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/body.js

// eslint-disable-next-line @typescript-eslint/ban-types
const getBodySize = (body) => {
    if (!body) {
        return 0;
    }
    if (body instanceof FormData) {
        // This is an approximation, as FormData size calculation is not straightforward
        let size = 0;
        for (const [key, value] of body) {
            size += usualFormBoundarySize;
            size += new TextEncoder().encode(`Content-Disposition: form-data; name="${key}"`).length;
            size += typeof value === 'string'
                ? new TextEncoder().encode(value).length
                : value.size;
        }
        return size;
    }
    if (body instanceof Blob) {
        return body.size;
    }
    if (body instanceof ArrayBuffer) {
        return body.byteLength;
    }
    if (typeof body === 'string') {
        return new TextEncoder().encode(body).length;
    }
    if (body instanceof URLSearchParams) {
        return new TextEncoder().encode(body.toString()).length;
    }
    if ('byteLength' in body) {
        return (body).byteLength;
    }
    if (typeof body === 'object' && body !== null) {
        try {
            const jsonString = JSON.stringify(body);
            return new TextEncoder().encode(jsonString).length;
        }
        catch {
            return 0;
        }
    }
    return 0; // Default case, unable to determine size
};
const withProgress = (stream, totalBytes, onProgress) => {
    let previousChunk;
    let transferredBytes = 0;
    return stream.pipeThrough(new TransformStream({
        transform(currentChunk, controller) {
            controller.enqueue(currentChunk);
            if (previousChunk) {
                transferredBytes += previousChunk.byteLength;
                let percent = totalBytes === 0 ? 0 : transferredBytes / totalBytes;
                // Avoid reporting 100% progress before the stream is actually finished (in case totalBytes is inaccurate)
                if (percent >= 1) {
                    // Epsilon is used here to get as close as possible to 100% without reaching it.
                    // If we were to use 0.99 here, percent could potentially go backwards.
                    percent = 1 - Number.EPSILON;
                }
                onProgress?.({ percent, totalBytes: Math.max(totalBytes, transferredBytes), transferredBytes }, previousChunk);
            }
            previousChunk = currentChunk;
        },
        flush() {
            if (previousChunk) {
                transferredBytes += previousChunk.byteLength;
                onProgress?.({ percent: 1, totalBytes: Math.max(totalBytes, transferredBytes), transferredBytes }, previousChunk);
            }
        },
    }));
};
const streamResponse = (response, onDownloadProgress) => {
    if (!response.body) {
        return response;
    }
    if (response.status === 204) {
        return new Response(null, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
        });
    }
    const totalBytes = Math.max(0, Number(response.headers.get('content-length')) || 0);
    return new Response(withProgress(response.body, totalBytes, onDownloadProgress), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
    });
};
// eslint-disable-next-line @typescript-eslint/ban-types
const streamRequest = (request, onUploadProgress, originalBody) => {
    if (!request.body) {
        return request;
    }
    // Use original body for size calculation since request.body is already a stream
    const totalBytes = getBodySize(originalBody ?? request.body);
    return new Request(request, {
        // @ts-expect-error - Types are outdated.
        duplex: 'half',
        body: withProgress(request.body, totalBytes, onUploadProgress),
    });
};
//# sourceMappingURL=body.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/is.js
// eslint-disable-next-line @typescript-eslint/ban-types
const isObject = (value) => value !== null && typeof value === 'object';
//# sourceMappingURL=is.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/merge.js


const validateAndMerge = (...sources) => {
    for (const source of sources) {
        if ((!isObject(source) || Array.isArray(source)) && source !== undefined) {
            throw new TypeError('The `options` argument must be an object');
        }
    }
    return deepMerge({}, ...sources);
};
const mergeHeaders = (source1 = {}, source2 = {}) => {
    const result = new globalThis.Headers(source1);
    const isHeadersInstance = source2 instanceof globalThis.Headers;
    const source = new globalThis.Headers(source2);
    for (const [key, value] of source.entries()) {
        if ((isHeadersInstance && value === 'undefined') || value === undefined) {
            result.delete(key);
        }
        else {
            result.set(key, value);
        }
    }
    return result;
};
function newHookValue(original, incoming, property) {
    return (Object.hasOwn(incoming, property) && incoming[property] === undefined)
        ? []
        : deepMerge(original[property] ?? [], incoming[property] ?? []);
}
const mergeHooks = (original = {}, incoming = {}) => ({
    beforeRequest: newHookValue(original, incoming, 'beforeRequest'),
    beforeRetry: newHookValue(original, incoming, 'beforeRetry'),
    afterResponse: newHookValue(original, incoming, 'afterResponse'),
    beforeError: newHookValue(original, incoming, 'beforeError'),
});
const appendSearchParameters = (target, source) => {
    const result = new URLSearchParams();
    for (const input of [target, source]) {
        if (input === undefined) {
            continue;
        }
        if (input instanceof URLSearchParams) {
            for (const [key, value] of input.entries()) {
                result.append(key, value);
            }
        }
        else if (Array.isArray(input)) {
            for (const pair of input) {
                if (!Array.isArray(pair) || pair.length !== 2) {
                    throw new TypeError('Array search parameters must be provided in [[key, value], ...] format');
                }
                result.append(String(pair[0]), String(pair[1]));
            }
        }
        else if (isObject(input)) {
            for (const [key, value] of Object.entries(input)) {
                if (value !== undefined) {
                    result.append(key, String(value));
                }
            }
        }
        else {
            // String
            const parameters = new URLSearchParams(input);
            for (const [key, value] of parameters.entries()) {
                result.append(key, value);
            }
        }
    }
    return result;
};
// TODO: Make this strongly-typed (no `any`).
const deepMerge = (...sources) => {
    let returnValue = {};
    let headers = {};
    let hooks = {};
    let searchParameters;
    const signals = [];
    for (const source of sources) {
        if (Array.isArray(source)) {
            if (!Array.isArray(returnValue)) {
                returnValue = [];
            }
            returnValue = [...returnValue, ...source];
        }
        else if (isObject(source)) {
            for (let [key, value] of Object.entries(source)) {
                // Special handling for AbortSignal instances
                if (key === 'signal' && value instanceof globalThis.AbortSignal) {
                    signals.push(value);
                    continue;
                }
                // Special handling for context - shallow merge only
                if (key === 'context') {
                    if (value !== undefined && value !== null && (!isObject(value) || Array.isArray(value))) {
                        throw new TypeError('The `context` option must be an object');
                    }
                    // Shallow merge: always create a new object to prevent mutation bugs
                    returnValue = {
                        ...returnValue,
                        context: (value === undefined || value === null)
                            ? {}
                            : { ...returnValue.context, ...value },
                    };
                    continue;
                }
                // Special handling for searchParams
                if (key === 'searchParams') {
                    if (value === undefined || value === null) {
                        // Explicit undefined or null removes searchParams
                        searchParameters = undefined;
                    }
                    else {
                        // First source: keep as-is to preserve type (string/object/URLSearchParams)
                        // Subsequent sources: merge and convert to URLSearchParams
                        searchParameters = searchParameters === undefined ? value : appendSearchParameters(searchParameters, value);
                    }
                    continue;
                }
                if (isObject(value) && key in returnValue) {
                    value = deepMerge(returnValue[key], value);
                }
                returnValue = { ...returnValue, [key]: value };
            }
            if (isObject(source.hooks)) {
                hooks = mergeHooks(hooks, source.hooks);
                returnValue.hooks = hooks;
            }
            if (isObject(source.headers)) {
                headers = mergeHeaders(headers, source.headers);
                returnValue.headers = headers;
            }
        }
    }
    if (searchParameters !== undefined) {
        returnValue.searchParams = searchParameters;
    }
    if (signals.length > 0) {
        if (signals.length === 1) {
            returnValue.signal = signals[0];
        }
        else if (supportsAbortSignal) {
            returnValue.signal = AbortSignal.any(signals);
        }
        else {
            // When AbortSignal.any is not available, use the last signal
            // This maintains the previous behavior before signal merging was added
            // This can be remove when the `supportsAbortSignal` check is removed.`
            returnValue.signal = signals.at(-1);
        }
    }
    return returnValue;
};
//# sourceMappingURL=merge.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/normalize.js

const normalizeRequestMethod = (input) => requestMethods.includes(input) ? input.toUpperCase() : input;
const retryMethods = ['get', 'put', 'head', 'delete', 'options', 'trace'];
const retryStatusCodes = [408, 413, 429, 500, 502, 503, 504];
const retryAfterStatusCodes = [413, 429, 503];
const defaultRetryOptions = {
    limit: 2,
    methods: retryMethods,
    statusCodes: retryStatusCodes,
    afterStatusCodes: retryAfterStatusCodes,
    maxRetryAfter: Number.POSITIVE_INFINITY,
    backoffLimit: Number.POSITIVE_INFINITY,
    delay: attemptCount => 0.3 * (2 ** (attemptCount - 1)) * 1000,
    jitter: undefined,
    retryOnTimeout: false,
};
const normalizeRetryOptions = (retry = {}) => {
    if (typeof retry === 'number') {
        return {
            ...defaultRetryOptions,
            limit: retry,
        };
    }
    if (retry.methods && !Array.isArray(retry.methods)) {
        throw new Error('retry.methods must be an array');
    }
    retry.methods &&= retry.methods.map(method => method.toLowerCase());
    if (retry.statusCodes && !Array.isArray(retry.statusCodes)) {
        throw new Error('retry.statusCodes must be an array');
    }
    const normalizedRetry = Object.fromEntries(Object.entries(retry).filter(([, value]) => value !== undefined));
    return {
        ...defaultRetryOptions,
        ...normalizedRetry,
    };
};
//# sourceMappingURL=normalize.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/timeout.js

// `Promise.race()` workaround (#91)
async function timeout(request, init, abortController, options) {
    return new Promise((resolve, reject) => {
        const timeoutId = setTimeout(() => {
            if (abortController) {
                abortController.abort();
            }
            reject(new TimeoutError(request));
        }, options.timeout);
        void options
            .fetch(request, init)
            .then(resolve)
            .catch(reject)
            .then(() => {
            clearTimeout(timeoutId);
        });
    });
}
//# sourceMappingURL=timeout.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/delay.js
// https://github.com/sindresorhus/delay/tree/ab98ae8dfcb38e1593286c94d934e70d14a4e111
async function delay_delay(ms, { signal }) {
    return new Promise((resolve, reject) => {
        if (signal) {
            signal.throwIfAborted();
            signal.addEventListener('abort', abortHandler, { once: true });
        }
        function abortHandler() {
            clearTimeout(timeoutId);
            reject(signal.reason);
        }
        const timeoutId = setTimeout(() => {
            signal?.removeEventListener('abort', abortHandler);
            resolve();
        }, ms);
    });
}
//# sourceMappingURL=delay.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/options.js

const findUnknownOptions = (request, options) => {
    const unknownOptions = {};
    for (const key in options) {
        // Skip inherited properties
        if (!Object.hasOwn(options, key)) {
            continue;
        }
        // An option is passed to fetch() if:
        // 1. It's not a standard RequestInit option (not in requestOptionsRegistry)
        // 2. It's not a ky-specific option (not in kyOptionKeys)
        // 3. Either:
        //    a. It's not on the Request object, OR
        //    b. It's a vendor-specific option that should always be passed (in vendorSpecificOptions)
        if (!(key in requestOptionsRegistry) && !(key in kyOptionKeys) && (!(key in request) || key in vendorSpecificOptions)) {
            unknownOptions[key] = options[key];
        }
    }
    return unknownOptions;
};
const hasSearchParameters = (search) => {
    if (search === undefined) {
        return false;
    }
    // The `typeof array` still gives "object", so we need different checking for array.
    if (Array.isArray(search)) {
        return search.length > 0;
    }
    if (search instanceof URLSearchParams) {
        return search.size > 0;
    }
    // Record
    if (typeof search === 'object') {
        return Object.keys(search).length > 0;
    }
    if (typeof search === 'string') {
        return search.trim().length > 0;
    }
    return Boolean(search);
};
//# sourceMappingURL=options.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/utils/type-guards.js



/**
Type guard to check if an error is a Ky error.

@param error - The error to check
@returns `true` if the error is a Ky error, `false` otherwise

@example
```
import ky, {isKyError} from 'ky';
try {
    const response = await ky.get('/api/data');
} catch (error) {
    if (isKyError(error)) {
        // Handle Ky-specific errors
        console.log('Ky error occurred:', error.message);
    } else {
        // Handle other errors
        console.log('Unknown error:', error);
    }
}
```
*/
function isKyError(error) {
    return isHTTPError(error) || isTimeoutError(error) || isForceRetryError(error);
}
/**
Type guard to check if an error is an HTTPError.

@param error - The error to check
@returns `true` if the error is an HTTPError, `false` otherwise

@example
```
import ky, {isHTTPError} from 'ky';
try {
    const response = await ky.get('/api/data');
} catch (error) {
    if (isHTTPError(error)) {
        console.log('HTTP error status:', error.response.status);
    }
}
```
*/
function isHTTPError(error) {
    return error instanceof HTTPError || (error?.name === HTTPError.name);
}
/**
Type guard to check if an error is a TimeoutError.

@param error - The error to check
@returns `true` if the error is a TimeoutError, `false` otherwise

@example
```
import ky, {isTimeoutError} from 'ky';
try {
    const response = await ky.get('/api/data', { timeout: 1000 });
} catch (error) {
    if (isTimeoutError(error)) {
        console.log('Request timed out:', error.request.url);
    }
}
```
*/
function isTimeoutError(error) {
    return error instanceof TimeoutError || (error?.name === TimeoutError.name);
}
/**
Type guard to check if an error is a ForceRetryError.

@param error - The error to check
@returns `true` if the error is a ForceRetryError, `false` otherwise

@example
```
import ky, {isForceRetryError} from 'ky';

const api = ky.extend({
    hooks: {
        beforeRetry: [
            ({error, retryCount}) => {
                if (isForceRetryError(error)) {
                    console.log(`Forced retry #${retryCount}: ${error.code}`);
                }
            }
        ]
    }
});
```
*/
function isForceRetryError(error) {
    return error instanceof ForceRetryError || (error?.name === ForceRetryError.name);
}
//# sourceMappingURL=type-guards.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/core/Ky.js











class Ky {
    static create(input, options) {
        const ky = new Ky(input, options);
        const function_ = async () => {
            if (typeof ky.#options.timeout === 'number' && ky.#options.timeout > maxSafeTimeout) {
                throw new RangeError(`The \`timeout\` option cannot be greater than ${maxSafeTimeout}`);
            }
            // Delay the fetch so that body method shortcuts can set the Accept header
            await Promise.resolve();
            // Before using ky.request, _fetch clones it and saves the clone for future retries to use.
            // If retry is not needed, close the cloned request's ReadableStream for memory safety.
            let response = await ky.#fetch();
            for (const hook of ky.#options.hooks.afterResponse) {
                // Clone the response before passing to hook so we can cancel it if needed
                const clonedResponse = ky.#decorateResponse(response.clone());
                let modifiedResponse;
                try {
                    // eslint-disable-next-line no-await-in-loop
                    modifiedResponse = await hook(ky.request, ky.#getNormalizedOptions(), clonedResponse, { retryCount: ky.#retryCount });
                }
                catch (error) {
                    // Cancel both responses to prevent memory leaks when hook throws
                    ky.#cancelResponseBody(clonedResponse);
                    ky.#cancelResponseBody(response);
                    throw error;
                }
                if (modifiedResponse instanceof RetryMarker) {
                    // Cancel both the cloned response passed to the hook and the current response to prevent resource leaks (especially important in Deno/Bun).
                    // Do not await cancellation since hooks can clone the response, leaving extra tee branches that keep cancel promises pending per the Streams spec.
                    ky.#cancelResponseBody(clonedResponse);
                    ky.#cancelResponseBody(response);
                    throw new ForceRetryError_ForceRetryError(modifiedResponse.options);
                }
                // Determine which response to use going forward
                const nextResponse = modifiedResponse instanceof globalThis.Response ? modifiedResponse : response;
                // Cancel any response bodies we won't use to prevent memory leaks.
                // Uses fire-and-forget since hooks may have cloned the response, creating tee branches that block cancellation.
                if (clonedResponse !== nextResponse) {
                    ky.#cancelResponseBody(clonedResponse);
                }
                if (response !== nextResponse) {
                    ky.#cancelResponseBody(response);
                }
                response = nextResponse;
            }
            ky.#decorateResponse(response);
            if (!response.ok && (typeof ky.#options.throwHttpErrors === 'function'
                ? ky.#options.throwHttpErrors(response.status)
                : ky.#options.throwHttpErrors)) {
                let error = new HTTPError(response, ky.request, ky.#getNormalizedOptions());
                for (const hook of ky.#options.hooks.beforeError) {
                    // eslint-disable-next-line no-await-in-loop
                    error = await hook(error, { retryCount: ky.#retryCount });
                }
                throw error;
            }
            // If `onDownloadProgress` is passed, it uses the stream API internally
            if (ky.#options.onDownloadProgress) {
                if (typeof ky.#options.onDownloadProgress !== 'function') {
                    throw new TypeError('The `onDownloadProgress` option must be a function');
                }
                if (!supportsResponseStreams) {
                    throw new Error('Streams are not supported in your environment. `ReadableStream` is missing.');
                }
                const progressResponse = response.clone();
                ky.#cancelResponseBody(response);
                return streamResponse(progressResponse, ky.#options.onDownloadProgress);
            }
            return response;
        };
        // Always wrap in #retry to catch forced retries from afterResponse hooks
        // Method retriability is checked in #calculateRetryDelay for non-forced retries
        const result = ky.#retry(function_)
            .finally(() => {
            const originalRequest = ky.#originalRequest;
            // Ignore cancellation errors from already-locked or already-consumed streams.
            ky.#cancelBody(originalRequest?.body ?? undefined);
            ky.#cancelBody(ky.request.body ?? undefined);
        });
        for (const [type, mimeType] of Object.entries(responseTypes)) {
            // Only expose `.bytes()` when the environment implements it.
            if (type === 'bytes'
                && typeof globalThis.Response?.prototype?.bytes !== 'function') {
                continue;
            }
            result[type] = async () => {
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                ky.request.headers.set('accept', ky.request.headers.get('accept') || mimeType);
                const response = await result;
                if (type === 'json') {
                    if (response.status === 204) {
                        return '';
                    }
                    const text = await response.text();
                    if (text === '') {
                        return '';
                    }
                    if (options.parseJson) {
                        return options.parseJson(text);
                    }
                    return JSON.parse(text);
                }
                return response[type]();
            };
        }
        return result;
    }
    // eslint-disable-next-line unicorn/prevent-abbreviations
    static #normalizeSearchParams(searchParams) {
        // Filter out undefined values from plain objects
        if (searchParams && typeof searchParams === 'object' && !Array.isArray(searchParams) && !(searchParams instanceof URLSearchParams)) {
            return Object.fromEntries(Object.entries(searchParams).filter(([, value]) => value !== undefined));
        }
        return searchParams;
    }
    request;
    #abortController;
    #retryCount = 0;
    // eslint-disable-next-line @typescript-eslint/prefer-readonly -- False positive: #input is reassigned on line 202
    #input;
    #options;
    #originalRequest;
    #userProvidedAbortSignal;
    #cachedNormalizedOptions;
    // eslint-disable-next-line complexity
    constructor(input, options = {}) {
        this.#input = input;
        this.#options = {
            ...options,
            headers: mergeHeaders(this.#input.headers, options.headers),
            hooks: mergeHooks({
                beforeRequest: [],
                beforeRetry: [],
                beforeError: [],
                afterResponse: [],
            }, options.hooks),
            method: normalizeRequestMethod(options.method ?? this.#input.method ?? 'GET'),
            // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
            prefixUrl: String(options.prefixUrl || ''),
            retry: normalizeRetryOptions(options.retry),
            throwHttpErrors: options.throwHttpErrors ?? true,
            timeout: options.timeout ?? 10_000,
            fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
            context: options.context ?? {},
        };
        if (typeof this.#input !== 'string' && !(this.#input instanceof URL || this.#input instanceof globalThis.Request)) {
            throw new TypeError('`input` must be a string, URL, or Request');
        }
        if (this.#options.prefixUrl && typeof this.#input === 'string') {
            if (this.#input.startsWith('/')) {
                throw new Error('`input` must not begin with a slash when using `prefixUrl`');
            }
            if (!this.#options.prefixUrl.endsWith('/')) {
                this.#options.prefixUrl += '/';
            }
            this.#input = this.#options.prefixUrl + this.#input;
        }
        if (supportsAbortController && supportsAbortSignal) {
            this.#userProvidedAbortSignal = this.#options.signal ?? this.#input.signal;
            this.#abortController = new globalThis.AbortController();
            this.#options.signal = this.#userProvidedAbortSignal ? AbortSignal.any([this.#userProvidedAbortSignal, this.#abortController.signal]) : this.#abortController.signal;
        }
        if (supportsRequestStreams) {
            // @ts-expect-error - Types are outdated.
            this.#options.duplex = 'half';
        }
        if (this.#options.json !== undefined) {
            this.#options.body = this.#options.stringifyJson?.(this.#options.json) ?? JSON.stringify(this.#options.json);
            this.#options.headers.set('content-type', this.#options.headers.get('content-type') ?? 'application/json');
        }
        // To provide correct form boundary, Content-Type header should be deleted when creating Request from another Request with FormData/URLSearchParams body
        // Only delete if user didn't explicitly provide a custom content-type
        const userProvidedContentType = options.headers && new globalThis.Headers(options.headers).has('content-type');
        if (this.#input instanceof globalThis.Request
            && ((supportsFormData && this.#options.body instanceof globalThis.FormData) || this.#options.body instanceof URLSearchParams)
            && !userProvidedContentType) {
            this.#options.headers.delete('content-type');
        }
        this.request = new globalThis.Request(this.#input, this.#options);
        if (hasSearchParameters(this.#options.searchParams)) {
            // eslint-disable-next-line unicorn/prevent-abbreviations
            const textSearchParams = typeof this.#options.searchParams === 'string'
                ? this.#options.searchParams.replace(/^\?/, '')
                : new URLSearchParams(Ky.#normalizeSearchParams(this.#options.searchParams)).toString();
            // eslint-disable-next-line unicorn/prevent-abbreviations
            const searchParams = '?' + textSearchParams;
            const url = this.request.url.replace(/(?:\?.*?)?(?=#|$)/, searchParams);
            // Recreate request with the updated URL. We already have all options in this.#options, including duplex.
            this.request = new globalThis.Request(url, this.#options);
        }
        // If `onUploadProgress` is passed, it uses the stream API internally
        if (this.#options.onUploadProgress) {
            if (typeof this.#options.onUploadProgress !== 'function') {
                throw new TypeError('The `onUploadProgress` option must be a function');
            }
            if (!supportsRequestStreams) {
                throw new Error('Request streams are not supported in your environment. The `duplex` option for `Request` is not available.');
            }
            this.request = this.#wrapRequestWithUploadProgress(this.request, this.#options.body ?? undefined);
        }
    }
    #calculateDelay() {
        const retryDelay = this.#options.retry.delay(this.#retryCount);
        let jitteredDelay = retryDelay;
        if (this.#options.retry.jitter === true) {
            jitteredDelay = Math.random() * retryDelay;
        }
        else if (typeof this.#options.retry.jitter === 'function') {
            jitteredDelay = this.#options.retry.jitter(retryDelay);
            if (!Number.isFinite(jitteredDelay) || jitteredDelay < 0) {
                jitteredDelay = retryDelay;
            }
        }
        // Handle undefined backoffLimit by treating it as no limit (Infinity)
        const backoffLimit = this.#options.retry.backoffLimit ?? Number.POSITIVE_INFINITY;
        return Math.min(backoffLimit, jitteredDelay);
    }
    async #calculateRetryDelay(error) {
        this.#retryCount++;
        if (this.#retryCount > this.#options.retry.limit) {
            throw error;
        }
        // Wrap non-Error throws to ensure consistent error handling
        const errorObject = error instanceof Error ? error : new NonError(error);
        // Handle forced retry from afterResponse hook - skip method check and shouldRetry
        if (errorObject instanceof ForceRetryError_ForceRetryError) {
            return errorObject.customDelay ?? this.#calculateDelay();
        }
        // Check if method is retriable for non-forced retries
        if (!this.#options.retry.methods.includes(this.request.method.toLowerCase())) {
            throw error;
        }
        // User-provided shouldRetry function takes precedence over all other checks
        if (this.#options.retry.shouldRetry !== undefined) {
            const result = await this.#options.retry.shouldRetry({ error: errorObject, retryCount: this.#retryCount });
            // Strict boolean checking - only exact true/false are handled specially
            if (result === false) {
                throw error;
            }
            if (result === true) {
                // Force retry - skip all other validation and return delay
                return this.#calculateDelay();
            }
            // If undefined or any other value, fall through to default behavior
        }
        // Default timeout behavior
        if (isTimeoutError(error) && !this.#options.retry.retryOnTimeout) {
            throw error;
        }
        if (isHTTPError(error)) {
            if (!this.#options.retry.statusCodes.includes(error.response.status)) {
                throw error;
            }
            const retryAfter = error.response.headers.get('Retry-After')
                ?? error.response.headers.get('RateLimit-Reset')
                ?? error.response.headers.get('X-RateLimit-Retry-After') // Symfony-based services
                ?? error.response.headers.get('X-RateLimit-Reset') // GitHub
                ?? error.response.headers.get('X-Rate-Limit-Reset'); // Twitter
            if (retryAfter && this.#options.retry.afterStatusCodes.includes(error.response.status)) {
                let after = Number(retryAfter) * 1000;
                if (Number.isNaN(after)) {
                    after = Date.parse(retryAfter) - Date.now();
                }
                else if (after >= Date.parse('2024-01-01')) {
                    // A large number is treated as a timestamp (fixed threshold protects against clock skew)
                    after -= Date.now();
                }
                const max = this.#options.retry.maxRetryAfter ?? after;
                // Don't apply jitter when server provides explicit retry timing
                return after < max ? after : max;
            }
            if (error.response.status === 413) {
                throw error;
            }
        }
        return this.#calculateDelay();
    }
    #decorateResponse(response) {
        if (this.#options.parseJson) {
            response.json = async () => this.#options.parseJson(await response.text());
        }
        return response;
    }
    #cancelBody(body) {
        if (!body) {
            return;
        }
        // Ignore cancellation failures from already-locked or already-consumed streams.
        void body.cancel().catch(() => undefined);
    }
    #cancelResponseBody(response) {
        // Ignore cancellation failures from already-locked or already-consumed streams.
        this.#cancelBody(response.body ?? undefined);
    }
    async #retry(function_) {
        try {
            return await function_();
        }
        catch (error) {
            const ms = Math.min(await this.#calculateRetryDelay(error), maxSafeTimeout);
            if (this.#retryCount < 1) {
                throw error;
            }
            // Only use user-provided signal for delay, not our internal abortController
            await delay_delay(ms, this.#userProvidedAbortSignal ? { signal: this.#userProvidedAbortSignal } : {});
            // Apply custom request from forced retry before beforeRetry hooks
            // Ensure the custom request has the correct managed signal for timeouts and user aborts
            if (error instanceof ForceRetryError_ForceRetryError && error.customRequest) {
                const managedRequest = this.#options.signal
                    ? new globalThis.Request(error.customRequest, { signal: this.#options.signal })
                    : new globalThis.Request(error.customRequest);
                this.#assignRequest(managedRequest);
            }
            for (const hook of this.#options.hooks.beforeRetry) {
                // eslint-disable-next-line no-await-in-loop
                const hookResult = await hook({
                    request: this.request,
                    options: this.#getNormalizedOptions(),
                    error: error,
                    retryCount: this.#retryCount,
                });
                if (hookResult instanceof globalThis.Request) {
                    this.#assignRequest(hookResult);
                    break;
                }
                // If a Response is returned, use it and skip the retry
                if (hookResult instanceof globalThis.Response) {
                    return hookResult;
                }
                // If `stop` is returned from the hook, the retry process is stopped
                if (hookResult === stop) {
                    return;
                }
            }
            return this.#retry(function_);
        }
    }
    async #fetch() {
        // Reset abortController if it was aborted (happens on timeout retry)
        if (this.#abortController?.signal.aborted) {
            this.#abortController = new globalThis.AbortController();
            this.#options.signal = this.#userProvidedAbortSignal ? AbortSignal.any([this.#userProvidedAbortSignal, this.#abortController.signal]) : this.#abortController.signal;
            // Recreate request with new signal
            this.request = new globalThis.Request(this.request, { signal: this.#options.signal });
        }
        for (const hook of this.#options.hooks.beforeRequest) {
            // eslint-disable-next-line no-await-in-loop
            const result = await hook(this.request, this.#getNormalizedOptions(), { retryCount: this.#retryCount });
            if (result instanceof Response) {
                return result;
            }
            if (result instanceof globalThis.Request) {
                this.#assignRequest(result);
                break;
            }
        }
        const nonRequestOptions = findUnknownOptions(this.request, this.#options);
        // Cloning is done here to prepare in advance for retries
        this.#originalRequest = this.request;
        this.request = this.#originalRequest.clone();
        if (this.#options.timeout === false) {
            return this.#options.fetch(this.#originalRequest, nonRequestOptions);
        }
        return timeout(this.#originalRequest, nonRequestOptions, this.#abortController, this.#options);
    }
    #getNormalizedOptions() {
        if (!this.#cachedNormalizedOptions) {
            const { hooks, ...normalizedOptions } = this.#options;
            this.#cachedNormalizedOptions = Object.freeze(normalizedOptions);
        }
        return this.#cachedNormalizedOptions;
    }
    #assignRequest(request) {
        this.#cachedNormalizedOptions = undefined;
        this.request = this.#wrapRequestWithUploadProgress(request);
    }
    #wrapRequestWithUploadProgress(request, originalBody) {
        if (!this.#options.onUploadProgress || !request.body) {
            return request;
        }
        return streamRequest(request, this.#options.onUploadProgress, originalBody ?? this.#options.body ?? undefined);
    }
}
//# sourceMappingURL=Ky.js.map
;// CONCATENATED MODULE: ./node_modules/ky/distribution/index.js
/*! MIT License © Sindre Sorhus */



const createInstance = (defaults) => {
    // eslint-disable-next-line @typescript-eslint/promise-function-async
    const ky = (input, options) => Ky.create(input, validateAndMerge(defaults, options));
    for (const method of requestMethods) {
        // eslint-disable-next-line @typescript-eslint/promise-function-async
        ky[method] = (input, options) => Ky.create(input, validateAndMerge(defaults, options, { method }));
    }
    ky.create = (newDefaults) => createInstance(validateAndMerge(newDefaults));
    ky.extend = (newDefaults) => {
        if (typeof newDefaults === 'function') {
            newDefaults = newDefaults(defaults ?? {});
        }
        return createInstance(validateAndMerge(defaults, newDefaults));
    };
    ky.stop = stop;
    ky.retry = retry;
    return ky;
};
const ky = createInstance();
/* harmony default export */ const distribution = (ky);




// Intentionally not exporting this for now as it's just an implementation detail and we don't want to commit to a certain API yet at least.
// export {NonError} from './errors/NonError.js';
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/source/download.ts
// Downloads with retries (ky: backoff with jitter on network errors, time-outs and the
// answers in RETRIED_STATUSES) and a size bound, so a wrong URL cannot fill the disk.






function sizeLimit(url, options) {
    let seen = 0;
    return new external_node_stream_namespaceObject.Transform({
        transform(chunk, _encoding, done) {
            seen += chunk.length;
            if (seen > options.maxBytes)
                done(tooBig(url, options, `more than ${options.maxBytes}`));
            else
                done(null, chunk);
        },
    });
}
function tooBig(url, { maxBytes, name }, found) {
    return new Failure(`source ${url} is ${found} bytes, over the limit of ${maxBytes} (a thttpd release is about 135 KB): check ${name('source')}, or raise ${name('source-max-bytes')} if this really is the tarball`);
}
/** Answers worth asking again (ky's own list, spelled out so the failure message can tell); any other is final. */
const RETRIED_STATUSES = [408, 413, 429, 500, 502, 503, 504];
function isFinalAnswer(error) {
    return error instanceof HTTPError && !RETRIED_STATUSES.includes(error.response.status);
}
/** What the retries amounted to, as it happened. */
function retryNote(retried, error) {
    if (retried)
        return ` (after ${retried} ${retried === 1 ? 'retry' : 'retries'})`;
    if (isFinalAnswer(error))
        return ' (not retried: the server\'s answer is final)';
    return '';
}
function describe(error) {
    if (error instanceof HTTPError)
        return `HTTP ${error.response.status} ${error.response.statusText}`.trim();
    if (error instanceof TimeoutError)
        return 'timed out';
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
}
async function download(url, dest, options) {
    const retries = options.retries ?? 3;
    let retried = 0;
    try {
        const response = await distribution.get(url, {
            timeout: options.timeoutMs ?? 60_000,
            retry: { limit: retries, statusCodes: RETRIED_STATUSES, jitter: true, backoffLimit: 8_000, retryOnTimeout: true },
            hooks: {
                beforeRetry: [
                    ({ error, retryCount }) => {
                        retried = retryCount;
                        options.log.warning(`download of ${url} failed (${describe(error)}), retry ${retryCount} of ${retries}`);
                    },
                ],
            },
        });
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (declared > options.maxBytes) {
            await response.body?.cancel();
            throw tooBig(url, options, String(declared));
        }
        if (!response.body)
            throw new Failure(`source ${url} answered ${response.status} with no body, expected the tarball's bytes: check ${options.name('source')}`);
        await (0,external_node_stream_promises_namespaceObject.pipeline)(external_node_stream_namespaceObject.Readable.fromWeb(response.body), sizeLimit(url, options), (0,external_node_fs_namespaceObject.createWriteStream)(dest));
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(dest, { force: true });
        if (error instanceof Failure)
            throw error;
        throw new Failure(`could not download the thttpd source from ${url}: ${describe(error)}${retryNote(retried, error)}. Check the URL and the network, or pass a local tarball with ${options.name('source')}`);
    }
}

;// CONCATENATED MODULE: ./src/source/obtain.ts
// Gets the release tarball (cache, URL or local path) and proves it is the expected one
// before anything reads it.






function isUrl(location) {
    return /^https?:\/\//i.test(location);
}
async function verify(path, spec) {
    const actual = await sha256File(path);
    if (actual.sha256 !== spec.sha256) {
        const what = isUrl(spec.location) ? 'The download is corrupt' : 'The file is damaged';
        throw new Failure(`checksum mismatch for thttpd ${spec.version} from ${spec.location}: expected sha256 ${spec.sha256}, got ${actual.sha256} (${actual.bytes} bytes). ` +
            `${what} or not the release you asked for; if you trust this tarball, pass its checksum with ${spec.name('sha256')}`);
    }
    return actual.bytes;
}
async function localSize(path, spec) {
    const info = await (0,promises_namespaceObject.stat)(path).catch(() => undefined);
    if (!info?.isFile()) {
        const found = info ? (info.isDirectory() ? 'a folder' : 'something else') : 'nothing';
        throw new Failure(`source ${path} is not a file: pass an http(s) URL or the path of a thttpd-VERSION.tar.gz with ${spec.name('source')} (found ${found} at that path)`);
    }
    if (info.size > spec.maxBytes) {
        throw new Failure(`source ${path} is ${info.size} bytes, over the limit of ${spec.maxBytes} (a thttpd release is about 135 KB): check ${spec.name('source')}, or raise ${spec.name('source-max-bytes')} if this really is the tarball`);
    }
    return info.size;
}
async function obtainSource(spec, cache, log) {
    if (!isUrl(spec.location)) {
        await localSize(spec.location, spec);
        const bytes = await verify(spec.location, spec);
        return { version: spec.version, tarball: spec.location, sha256: spec.sha256, bytes, fromCache: false };
    }
    const dir = (0,external_node_path_namespaceObject.join)(spec.workDir, 'source');
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    const tarball = (0,external_node_path_namespaceObject.join)(dir, `thttpd-${spec.version}.tar.gz`);
    await (0,promises_namespaceObject.rm)(tarball, { force: true });
    const key = cacheKey(spec.version, spec.sha256);
    if (await cache.restore(key, tarball)) {
        try {
            const bytes = await verify(tarball, spec);
            log.info(`thttpd ${spec.version}: source from the cache (${bytes} bytes, sha256 verified)`);
            return { version: spec.version, tarball, sha256: spec.sha256, bytes, fromCache: true };
        }
        catch {
            log.warning(`the cached source for thttpd ${spec.version} failed its checksum; downloading it again`);
            await (0,promises_namespaceObject.rm)(tarball, { force: true });
        }
    }
    log.info(`thttpd ${spec.version}: downloading ${spec.location}`);
    await download(spec.location, tarball, { maxBytes: spec.maxBytes, log, name: spec.name });
    try {
        const bytes = await verify(tarball, spec);
        await cache.save(key, tarball);
        return { version: spec.version, tarball, sha256: spec.sha256, bytes, fromCache: false };
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(tarball, { force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
;// CONCATENATED MODULE: ./src/tags.ts
// Tags from a version: one small pure function per rule, so each rule is a row in a
// table test. thttpd's versions are not semver ("2.29", "2.25b"): they are coerced for
// the numeric parts and kept raw for the exact tag.


const DEFAULT_TEMPLATES = ['{{raw}}', '{{major}}.{{minor}}', '{{major}}'];
const tags_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const THTTPD_STYLE = /^\d+\.\d+(?:\.\d+)?[a-z]?$/;
/** What parseVersion accepts, for messages that explain a refusal. */
const VERSION_FORMS = 'semver (1.4.0, v1.4.0, 1.0.0-rc.1) or a thttpd release number (2.29, 2.25b)';
/** The version in `text`, or undefined when it is none (a registry tag such as `latest` or `2`). */
function readVersion(text) {
    const raw = text.trim().replace(/^v(?=\d)/i, '');
    const exact = semver_default().parse(raw);
    if (exact)
        return { raw, semver: exact };
    const coerced = THTTPD_STYLE.test(raw) ? semver_default().coerce(raw) : null;
    return coerced ? { raw, semver: coerced } : undefined;
}
function parseVersion(text) {
    const version = readVersion(text);
    if (!version)
        throw new Failure(`"${text}" cannot be read as a version: expected ${VERSION_FORMS}`);
    return version;
}
/**
 * The versions a repository's tags name in this flavour: `2.29-musl` is 2.29 for the
 * `-musl` flavour and nothing for the plain one, whose `1.4.0-musl` would be a prerelease.
 * Line tags count too (`1.4` is at least 1.4.0); `latest`, `2` or dated tags name none.
 */
function versionsFromTags(tags, suffix) {
    return tags
        .filter((tag) => tag.endsWith(suffix) && tag.length > suffix.length)
        .map((tag) => readVersion(tag.slice(0, tag.length - suffix.length)))
        .filter((v) => v !== undefined);
}
function isStable(version) {
    return version.semver.prerelease.length === 0;
}
/**
 * How much of the version a template's line shares: 1 for `{{major}}`, 2 with `{{minor}}`,
 * 3 with `{{patch}}`. Undefined for a template naming one build (`{{raw}}`, `{{version}}`,
 * `{{sha}}`, a date) or none (literal text): those never move between versions by rule.
 */
function lineDepth(template) {
    if (/\{\{\s*(raw|version|sha|date\b)/.test(template))
        return undefined;
    if (/\{\{\s*patch\s*\}\}/.test(template))
        return 3;
    if (/\{\{\s*minor\s*\}\}/.test(template))
        return 2;
    if (/\{\{\s*major\s*\}\}/.test(template))
        return 1;
    return undefined;
}
/** The highest stable version above `version` sharing its first `depth` parts (0: any line, for latest). */
function higherInLine(version, known, depth) {
    const parts = ['major', 'minor', 'patch'];
    return known
        .filter((other) => isStable(other) && semver_default().gt(other.semver, version.semver) && parts.slice(0, depth).every((part) => other.semver[part] === version.semver[part]))
        .reduce((highest, other) => (highest && semver_default().gte(highest.semver, other.semver) ? highest : other), undefined);
}
function wantsLatest(version, rule, known) {
    if (rule !== 'auto')
        return rule === 'true';
    return isStable(version) && higherInLine(version, known, 0) === undefined;
}
/** Whether the tags depend on which other versions are known, so a registry's tags are worth listing. */
function dependsOnKnownVersions(request) {
    const templates = request.templates.length ? request.templates : DEFAULT_TEMPLATES;
    return request.latest === 'auto' || templates.some((t) => lineDepth(t) !== undefined);
}
/** `{{major}}` alone would publish a bare `0` for 0.x: a tag meaning "any 0.x" is never wanted. */
function isBareZeroMajor(template, version) {
    return template.trim() === '{{major}}' && version.semver.major === 0;
}
/**
 * A line tag goes only to a stable version (a prerelease would move `1` ahead of the
 * release) with no higher stable version known in its line (a backport would move it back).
 */
function ownsLine(template, request) {
    const depth = lineDepth(template);
    if (depth === undefined)
        return true;
    return isStable(request.version) && higherInLine(request.version, request.known, depth) === undefined;
}
function formatDate(now, format) {
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    const parts = {
        YYYY: pad(now.getUTCFullYear(), 4),
        MM: pad(now.getUTCMonth() + 1),
        DD: pad(now.getUTCDate()),
        HH: pad(now.getUTCHours()),
        mm: pad(now.getUTCMinutes()),
        ss: pad(now.getUTCSeconds()),
    };
    return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token] ?? token);
}
function renderTemplate(template, request) {
    const { version, sha, now } = request;
    const values = {
        raw: () => version.raw,
        version: () => version.semver.version,
        major: () => String(version.semver.major),
        minor: () => String(version.semver.minor),
        patch: () => String(version.semver.patch),
        sha: () => {
            if (!sha)
                throw new Failure(`tag template "${template}" uses {{sha}}, but no commit SHA is known: run it from a git checkout or drop {{sha}}`);
            return sha.slice(0, 7);
        },
    };
    const rendered = template.replace(/\{\{([^}]*)\}\}/g, (_, body) => {
        const expression = body.trim();
        const date = /^date\s+'([^']+)'$/.exec(expression);
        if (date?.[1])
            return formatDate(now, date[1]);
        const value = values[expression];
        if (!value) {
            throw new Failure(`tag template "${template}" has an unknown placeholder {{${body}}}: use {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{sha}} or {{date 'YYYYMMDD'}}`);
        }
        return value();
    });
    if (rendered.includes('{{') || rendered.includes('}}')) {
        throw new Failure(`tag template "${template}" has unbalanced braces: write placeholders as {{name}}`);
    }
    return rendered;
}
function validateTag(tag, origin) {
    if (!tags_TAG.test(tag)) {
        throw new Failure(`tag "${tag}" (from ${origin}) is not a valid registry tag: tags are 1-128 characters of letters, digits, "_", "." and "-", not starting with "." or "-"`);
    }
    return tag;
}
function deriveTags(request) {
    const templates = request.templates.length ? request.templates : DEFAULT_TEMPLATES;
    // Every template is rendered, even one this version does not get, so a broken template
    // fails on any version rather than first on the one that would own its line.
    const tags = templates
        .map((t) => ({ template: t, tag: validateTag(renderTemplate(t, request) + request.suffix, `template "${t}"`) }))
        .filter(({ template }) => !isBareZeroMajor(template, request.version) && ownsLine(template, request))
        .map(({ tag }) => tag);
    if (wantsLatest(request.version, request.latest, request.known))
        tags.push(validateTag(`latest${request.suffix}`, 'latest'));
    const unique = [...new Set(tags)];
    if (unique.length === 0) {
        const higher = higherInLine(request.version, request.known, 0);
        throw new Failure(`no tags for version ${request.version.raw}: every template was dropped (a prerelease gets no line tags, 0.x no bare major, ` +
            `and a line tag goes only to the highest stable version of its line${higher ? `, where ${higher.raw}${request.suffix} already is` : ''}); add a template such as {{raw}}`);
    }
    return unique;
}

;// CONCATENATED MODULE: ./src/run.ts
// The pipeline: the only place that knows the order of the stages. Each stage gets plain
// values and returns plain values; the entries give it a World (logger, cache, host)
// and turn the Report back into their own world.















function publishOptions(settings, world, client) {
    return {
        client,
        credentials: { ...settings.credentials, githubActor: world.githubActor },
        insecureRegistries: settings.insecureRegistries,
        insecureRegistriesName: settings.insecureRegistriesName,
        mask: world.mask,
        logger: world.log,
        env: world.system.env,
        blobLocations: world.blobLocations,
    };
}
function labelsOf(settings) {
    const facts = { thttpdVersion: settings.version, imageVersion: settings.imageVersion, port: settings.port, epoch: settings.epoch, source: settings.repositoryUrl, revision: settings.revision };
    return imageLabels(facts, settings.labels);
}
/** Line tags and `latest` never move back to an older version: the repository's own tags bound them too. */
async function tagsToPush(settings, client, log) {
    if (!dependsOnKnownVersions(settings.tagging))
        return settings.tags;
    const { tagging } = settings;
    const tags = deriveTags({ ...tagging, known: [...tagging.known, ...versionsFromTags(await existingTags(client), tagging.suffix)] });
    const kept = settings.tags.filter((tag) => !tags.includes(tag));
    if (kept.length)
        log.info(`Not moving ${kept.join(', ')}: ${settings.image} already holds a higher version in their line.`);
    return tags;
}
/** Mode index: one index over the manifests the platform jobs pushed, then the tags. */
async function assembleIndex(settings, world) {
    const client = await openRegistry(settings.image, publishOptions(settings, world));
    const manifests = await readPlatformManifests(client, settings.manifests);
    const labels = labelsOf(settings);
    const index = imageIndex(manifests, ociAnnotations(labels));
    const platforms = manifests.map((m) => ({ platform: m.platform, digest: m.manifest.digest }));
    const tags = await tagsToPush(settings, client, world.log);
    const published = await publishIndex(index, platforms, { image: settings.image, tags }, publishOptions(settings, world, client));
    return { binaries: [], digest: index.digest, labels, platforms, sizes: [], references: published.tags, published };
}
async function run_run(settings, world) {
    if (settings.mode === 'index')
        return assembleIndex(settings, world);
    const { log } = world;
    const { name } = settings;
    await (0,promises_namespaceObject.mkdir)(world.workDir, { recursive: true });
    // What the user named is checked before the build, which is the slow part.
    const toolchains = await planBuild(settings.platforms, settings.libc, world.system, name);
    await checkPatches(settings.patches, name);
    if (world.binariesDir)
        await checkBinariesFolder(world.binariesDir);
    const site = settings.site ? await readSiteFolder(settings.site) : undefined;
    if (settings.output)
        await checkOutputPath(settings.output);
    // One client for the run: the credential helper and the token service are asked once.
    const client = settings.push ? await openRegistry(settings.image, publishOptions(settings, world)) : undefined;
    if (client)
        await checkPushAccess(client);
    // A platform job pushes by digest only: the index job bounds the tags and moves them.
    const tags = client && settings.mode !== 'platform' ? await tagsToPush(settings, client, log) : settings.tags;
    const source = await obtainSource({ version: settings.version, location: settings.source, sha256: settings.sha256, maxBytes: settings.sourceMaxBytes, workDir: world.workDir, name }, forgivingCache(world.cache, log), log);
    const tree = await extractRelease(source.tarball, { workDir: world.workDir, maxBytes: settings.sourceMaxBytes, name });
    checkReleaseVersion(tree.serverSoftware, settings.version, name);
    log.info(`thttpd ${settings.version}: sha256 ${source.sha256} verified, unpacked (${tree.serverSoftware})`);
    const patched = await patchSource(tree.dir, { uidDrop: settings.uidDrop, patches: settings.patches, dropAuth: settings.libc === 'musl', env: world.system.env, name });
    if (patched.patchesApplied.length)
        log.info(`applied ${patched.patchesApplied.length} patch(es)`);
    if (settings.uidDrop)
        log.info(`uid-drop: disabled ${patched.rootTestsDisabled} root-only user switch(es) in thttpd.c`);
    const built = await buildBinaries(tree.dir, toolchains, { version: settings.version, cflags: settings.cflags, strip: settings.strip, uidDrop: settings.uidDrop, workDir: world.workDir, scratchDir: world.scratchDir, name }, world.system, log);
    // Only once every platform passed, so a failed build leaves no binaries behind.
    const binaries = world.binariesDir ? await copyBinaries(built, world.binariesDir) : built;
    const image = await buildImage({
        binaries, site, port: settings.port, epoch: settings.epoch, thttpdVersion: settings.version,
        imageVersion: settings.imageVersion, source: settings.repositoryUrl, revision: settings.revision, labels: settings.labels,
    });
    const names = tags.map((tag) => `${settings.image}:${tag}`);
    let archive;
    if (settings.output) {
        await writeArchive(image, settings.output, names);
        for (const note of archiveNotes(image, settings.output, names))
            log.info(note);
        archive = settings.output;
        log.info(`wrote ${archive}`);
    }
    const target = { image: settings.image, tags: settings.mode === 'platform' ? [] : tags };
    const published = client ? await publish(image, target, publishOptions(settings, world, client)) : undefined;
    return {
        source,
        binaries,
        binariesDir: world.binariesDir,
        image,
        digest: image.index.digest,
        labels: image.labels,
        platforms: image.platforms.map((p) => ({ platform: p.platform, digest: p.manifest.digest })),
        sizes: sizeReport(image),
        references: settings.mode === 'platform' ? [] : names,
        archive,
        published,
    };
}

;// CONCATENATED MODULE: ./src/source/releases.ts
// thttpd's releases and the SHA-256 of each tarball, as recorded by distributions
// (see FACTS.md). 2.26 was never recorded anywhere we trust, so it has no checksum:
// a user building it must pass one.
const RELEASES = [
    { version: '2.25b', date: '29dec2003', sha256: '07719b08b1cff6a21c08697a7bcb4395425b07ee753106262fb62a03a7d32360', bytes: 132275 },
    { version: '2.26', date: '14aug2014' },
    { version: '2.27', date: '19Oct2015', sha256: 'b1c4bc37ada7c39cc2bcfbf86b3bc05be91be49f8bb4f55379eaff1f66516d7a', bytes: 134005 },
    { version: '2.28', date: '04Feb2018', sha256: '8552f929d4ede26cb193411c1208168e169dda24ee9eb1da8f8da4f4f8e10328', bytes: 135754 },
    { version: '2.29', date: '23May2018', sha256: '99c09f47da326b1e7b5295c45549d2b65534dce27c44812cf7eef1441681a397', bytes: 133967 },
];
const NEWEST_RELEASE = '2.29';
function findRelease(version) {
    return RELEASES.find((r) => r.version === version);
}
function releaseUrl(version) {
    return `https://acme.com/software/thttpd/thttpd-${version}.tar.gz`;
}

;// CONCATENATED MODULE: ./src/settings.ts
// Every input, its default and its validation, in one place. The entries (action, CLI)
// turn their world into a map of input names to strings; this turns that map into
// Settings or one clear error naming the input and what it accepts.







/** Inputs and their defaults; action.yml declares exactly these (a test holds them equal). */
const INPUT_DEFAULTS = {
    version: NEWEST_RELEASE,
    source: '',
    sha256: '',
    'source-max-bytes': String(16 * 1024 * 1024),
    'uid-drop': 'true',
    patches: '',
    platforms: 'linux/amd64',
    libc: 'glibc',
    strip: 'true',
    cflags: '',
    site: '',
    port: '8080',
    labels: '',
    image: '',
    push: 'true',
    tags: '',
    'tag-suffix': '',
    latest: 'auto',
    'version-from': 'input',
    username: '',
    password: '',
    'github-token': '',
    'insecure-registries': '',
    output: '',
    mode: 'all',
    manifests: '',
};
const INPUT_NAMES = Object.keys(INPUT_DEFAULTS);
/**
 * `all` builds and publishes every platform in one job; `platform` pushes this job's
 * platforms by digest, untagged, for a final `index` job that ties them together.
 */
const MODES = ['all', 'platform', 'index'];
const SHA256 = /^(?:sha256:)?([0-9a-fA-F]{64})$/i;
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const HOST = /^[A-Za-z0-9.-]+(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
const DEFAULT_IMAGE_NAME = 'static-thttpd';
class Reader {
    inputs;
    name;
    constructor(inputs, name) {
        this.inputs = inputs;
        this.name = name;
    }
    text(input) {
        const value = this.inputs[input]?.trim();
        return value ? value : INPUT_DEFAULTS[input];
    }
    list(input, separators) {
        return this.text(input).split(separators).map((s) => s.trim()).filter(Boolean);
    }
    fail(input, message) {
        return new Failure(`${this.name(input)}: ${message}`);
    }
    boolean(input) {
        const value = this.text(input).toLowerCase();
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        throw this.fail(input, `expected true or false, got "${this.inputs[input]}"`);
    }
    integer(input, min, max, what) {
        const value = this.text(input);
        const number = Number(value);
        if (!/^\d+$/.test(value) || number < min || number > max)
            throw this.fail(input, `expected ${what} (${min}-${max}), got "${value}"`);
        return number;
    }
    oneOf(input, allowed) {
        const value = this.text(input);
        if (!allowed.includes(value))
            throw this.fail(input, `expected one of ${allowed.join(', ')}, got "${value}"`);
        return value;
    }
    path(input, cwd, value = this.text(input)) {
        if (value.includes('\0'))
            throw this.fail(input, 'a path cannot hold a NUL character');
        return (0,external_node_path_namespaceObject.isAbsolute)(value) ? value : (0,external_node_path_namespaceObject.resolve)(cwd, value);
    }
}
function readSource(r, version, cwd) {
    const value = r.text('source');
    if (!value)
        return releaseUrl(version);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw r.fail('source', `"${value}" is not a valid URL: expected an https:// or http:// URL or a local path`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw r.fail('source', `expected an https:// or http:// URL or a local path, got a ${url.protocol} URL`);
        return url.href;
    }
    return r.path('source', cwd);
}
function readSha256(r, version) {
    const given = r.text('sha256');
    if (given) {
        const match = SHA256.exec(given);
        if (!match?.[1])
            throw r.fail('sha256', `expected 64 hexadecimal digits (the tarball's SHA-256), got "${given}"`);
        return match[1].toLowerCase();
    }
    const release = findRelease(version);
    if (release?.sha256)
        return release.sha256;
    const known = RELEASES.filter((x) => x.sha256).map((x) => x.version).join(', ');
    if (release)
        throw r.fail('sha256', `no checksum is recorded for thttpd ${version}: pass the SHA-256 of its tarball with ${r.name('sha256')}`);
    throw r.fail('version', `thttpd ${version} is not a release with a known checksum (${known} are): pass the tarball's SHA-256 with ${r.name('sha256')} to build it`);
}
function readPlatforms(r) {
    const values = r.list('platforms', /[\s,]+/);
    const unknown = values.filter((v) => !PLATFORMS.includes(v));
    if (unknown.length)
        throw r.fail('platforms', `unsupported platform ${unknown.map((u) => `"${u}"`).join(', ')}: expected ${PLATFORMS.join(' and/or ')}`);
    if (values.length === 0)
        throw r.fail('platforms', `expected at least one platform: ${PLATFORMS.join(', ')}`);
    return [...new Set(values)];
}
function readLabels(r) {
    const labels = {};
    for (const line of r.list('labels', /\n/)) {
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        if (!LABEL_KEY.test(key))
            throw r.fail('labels', `expected one key=value per line (keys of letters, digits, ".", "/", "-", "_"), got "${line}"`);
        labels[key] = line.slice(at + 1).trim();
    }
    return labels;
}
function readImage(r, push) {
    const value = r.text('image');
    if (!value) {
        if (push)
            throw r.fail('image', `is required to push: name the repository, e.g. ghcr.io/OWNER/web, or set ${r.name('push')} false`);
        return DEFAULT_IMAGE_NAME;
    }
    try {
        parseImageName(value);
    }
    catch (error) {
        throw r.fail('image', error.message);
    }
    return value;
}
function readEpoch(context) {
    const given = context.sourceDateEpoch?.trim();
    if (given) {
        // Every time in the image is this one, so it must fit a layer's tar headers.
        if (!/^\d+$/.test(given) || Number(given) > MAX_LAYER_EPOCH) {
            throw new Failure(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, from 0 to ${MAX_LAYER_EPOCH} (the latest time an image layer's tar headers hold), got "${given}": set it to such a time, e.g. the commit's (git log -1 --format=%ct)`);
        }
        return Number(given);
    }
    return context.commitEpoch ?? 0;
}
function readManifests(r, mode, push) {
    const manifests = r.list('manifests', /[\s,]+/);
    if (mode !== 'index') {
        if (manifests.length)
            throw r.fail('manifests', `is only used with ${r.name('mode')} index: remove it, or set ${r.name('mode')} index`);
        return [];
    }
    if (!push)
        throw r.fail('mode', `index pushes an index over manifests already in the registry: it needs ${r.name('push')} true`);
    if (manifests.length === 0)
        throw r.fail('manifests', 'expected the digests the platform jobs reported (sha256:...), one per platform, found none');
    const bad = manifests.find((m) => !/^sha256:[0-9a-f]{64}$/.test(m));
    if (bad)
        throw r.fail('manifests', `expected digests of the form sha256:<64 lowercase hex>, got "${bad}"`);
    return [...new Set(manifests)];
}
function readImageVersion(r, version, ref) {
    if (r.oneOf('version-from', ['input', 'git-tag']) === 'input') {
        const parsed = readVersion(version);
        if (!parsed)
            throw r.fail('version', `"${version}" cannot be read as a version: expected ${VERSION_FORMS}`);
        return { imageVersion: version, version: parsed, known: RELEASES.map((release) => parseVersion(release.version)) };
    }
    const tag = /^refs\/tags\/(v.+)$/.exec(ref ?? '')?.[1];
    if (!tag)
        throw r.fail('version-from', `git-tag needs a run for a refs/tags/v* ref, but this run is for "${ref ?? 'no ref'}": run it on push of a v* tag, or set it to input`);
    const parsed = readVersion(tag);
    if (!parsed) {
        throw r.fail('version-from', `git-tag takes the version from the ref ${ref}, but "${tag}" cannot be read as a version: expected ${VERSION_FORMS}; push a tag such as v1.4.0`);
    }
    return { imageVersion: tag, version: parsed, known: [] };
}
function parseSettings(inputs, context, name) {
    const r = new Reader(inputs, name);
    const mode = r.oneOf('mode', MODES);
    const version = r.text('version');
    if (!SAFE_VERSION.test(version))
        throw r.fail('version', `expected a thttpd release number such as ${NEWEST_RELEASE} or 2.25b, got "${version}"`);
    const push = r.boolean('push');
    const manifests = readManifests(r, mode, push);
    const image = readImage(r, push);
    const { imageVersion, version: parsedVersion, known } = readImageVersion(r, version, context.ref);
    const tagSuffix = r.text('tag-suffix');
    if (tagSuffix && !/^[A-Za-z0-9._-]+$/.test(tagSuffix))
        throw r.fail('tag-suffix', `expected letters, digits, ".", "_" or "-" (e.g. -musl), got "${tagSuffix}"`);
    const cflags = r.text('cflags');
    if (/[\n\r]/.test(cflags))
        throw r.fail('cflags', 'expected compiler flags on one line');
    const site = r.text('site');
    const output = r.text('output');
    const latest = r.oneOf('latest', ['auto', 'true', 'false']);
    const tagging = { version: parsedVersion, templates: r.list('tags', /[\n,]+/), suffix: tagSuffix, latest, known, sha: context.sha, now: context.now };
    let tags;
    try {
        tags = deriveTags(tagging);
    }
    catch (error) {
        throw error instanceof Failure ? r.fail('tags', error.message) : error;
    }
    const username = r.text('username');
    const password = r.text('password');
    if (username && !password)
        throw r.fail('password', `is required with ${r.name('username')}: pass the password or token too`);
    const insecureRegistries = r.list('insecure-registries', /[\s,]+/);
    const badHost = insecureRegistries.find((h) => !HOST.test(h));
    if (badHost)
        throw r.fail('insecure-registries', `expected host or host:port entries, got "${badHost}"`);
    return {
        mode,
        manifests,
        version,
        source: readSource(r, version, context.cwd),
        // An index job builds nothing: the platform jobs checked the source.
        sha256: mode === 'index' ? '' : readSha256(r, version),
        sourceMaxBytes: r.integer('source-max-bytes', 1024, 1024 ** 3, 'a size in bytes'),
        uidDrop: r.boolean('uid-drop'),
        patches: r.list('patches', /\n/).map((p) => r.path('patches', context.cwd, p)),
        platforms: readPlatforms(r),
        libc: r.oneOf('libc', LIBCS),
        strip: r.boolean('strip'),
        cflags,
        site: site ? r.path('site', context.cwd) : undefined,
        port: r.integer('port', 1, 65535, 'a TCP port'),
        labels: readLabels(r),
        image,
        push,
        imageVersion,
        tags,
        tagging,
        credentials: { username: username || undefined, password: password || undefined, githubToken: r.text('github-token') || undefined },
        insecureRegistries,
        insecureRegistriesName: r.name('insecure-registries'),
        output: output ? r.path('output', context.cwd) : undefined,
        epoch: readEpoch(context),
        revision: context.sha,
        repositoryUrl: context.repositoryUrl,
        name,
    };
}

;// CONCATENATED MODULE: ./src/cli.ts
// The command-line entry: argv into Settings, progress on stderr, the report on stdout,
// and on failure one line saying why, with a non-zero status.












const cli_FLAGS = [
    { flag: 'version', input: 'version', value: 'V', help: `thttpd release to build (default ${INPUT_DEFAULTS.version})` },
    { flag: 'source', input: 'source', value: 'URL|PATH', help: 'where the release tarball comes from (default: acme.com for the version)' },
    { flag: 'sha256', input: 'sha256', value: 'HEX', help: "the tarball's SHA-256 (needed for versions without a known checksum)" },
    { flag: 'source-max-bytes', input: 'source-max-bytes', value: 'N', help: `largest tarball, and unpacked size, accepted (default ${INPUT_DEFAULTS['source-max-bytes']})` },
    { flag: 'platform', input: 'platforms', multiple: true, value: 'P', help: 'linux/amd64 or linux/arm64; repeat for both (default linux/amd64)' },
    { flag: 'libc', input: 'libc', value: 'glibc|musl', help: 'C library to link statically (default glibc; musl has no .htpasswd support)' },
    { flag: 'uid-drop', input: 'uid-drop', value: 'true|false', help: 'disable the root-only user switch in thttpd.c (default true)' },
    { flag: 'patch', input: 'patches', multiple: true, value: 'FILE', help: 'extra unified diff applied with patch -p1; repeatable, in order' },
    { flag: 'cflags', input: 'cflags', value: 'FLAGS', help: 'extra compiler flags, after the defaults (-Os, section GC, -static), so they win' },
    { flag: 'strip', input: 'strip', value: 'true|false', help: 'strip the binary (default true)' },
    { flag: 'site', input: 'site', value: 'DIR', help: 'folder to serve instead of the default page' },
    { flag: 'port', input: 'port', value: 'N', help: `port the server listens on in the image (default ${INPUT_DEFAULTS.port})` },
    { flag: 'label', input: 'labels', multiple: true, value: 'KEY=VALUE', help: 'image label to add or override; repeatable' },
    { flag: 'output', input: 'output', value: 'PATH', help: 'image archive: PATH.tar for docker/podman/kind load, else an OCI layout folder (default ./static-thttpd.tar, none with --push)' },
    { flag: 'binaries', value: 'DIR', help: 'also copy the verified binaries into DIR' },
    { flag: 'image', input: 'image', value: 'NAME', help: 'repository name the archive tags carry (default static-thttpd)' },
    { flag: 'push', value: 'NAME', help: 'push to this repository, e.g. ghcr.io/me/web (credentials from ~/.docker/config.json, or --username and --password-stdin)' },
    { flag: 'tag', input: 'tags', multiple: true, value: 'TEMPLATE', help: "tag template, repeatable: {{raw}} {{version}} {{major}} {{minor}} {{patch}} {{sha}} {{date 'YYYYMMDD'}} (default {{raw}}, {{major}}.{{minor}}, {{major}})" },
    { flag: 'tags', input: 'tags', value: 'LIST', help: 'tag templates, comma or newline separated; adds to any --tag' },
    { flag: 'tag-suffix', input: 'tag-suffix', value: 'S', help: 'appended to every tag, e.g. -musl' },
    { flag: 'latest', input: 'latest', value: 'auto|true|false', help: 'add the latest tag (default auto: only when no higher stable version is known)' },
    { flag: 'username', input: 'username', value: 'USER', help: 'registry user name' },
    { flag: 'password-stdin', input: 'password', boolean: true, help: 'read the registry password or token from standard input' },
    { flag: 'insecure-registry', input: 'insecure-registries', multiple: true, value: 'HOST', help: 'allow plain HTTP to this registry (loopback always may)' },
    { flag: 'mode', input: 'mode', value: 'all|platform|index', help: 'all (default); platform: push this build by digest, untagged; index: tag one index over --manifest digests' },
    { flag: 'manifest', input: 'manifests', multiple: true, value: 'DIGEST', help: 'with --mode index: a platform manifest digest already pushed; repeat per platform' },
    { flag: 'help', boolean: true, help: 'show this help' },
];
const USAGE = `usage: static-thttpd build [options]

Builds thttpd statically, verifies it, and makes a scratch container image archive
(and pushes it with --push). Progress goes to stderr, the report to stdout.

options:
${cli_FLAGS.map((f) => `  --${f.flag}${f.value ? ` ${f.value}` : ''}\n      ${f.help}`).join('\n')}

environment: SOURCE_DATE_EPOCH (timestamps in the image; default the commit time of the git
checkout in the current folder, else 0), GITHUB_SHA (the commit for {{sha}} and the revision
label; default HEAD of that checkout), GITHUB_TOKEN (ghcr.io), DOCKER_CONFIG (where config.json
with registry credentials lives).
`;
/** How messages name an input: as the flag the user typed (`--push NAME` names the image). */
function namer(pushed) {
    return (input) => {
        if (input === 'github-token')
            return 'GITHUB_TOKEN';
        if (input === 'image' && pushed)
            return '--push';
        const flag = cli_FLAGS.find((f) => f.input === input);
        return flag ? `--${flag.flag}` : input;
    };
}
class UsageError extends Failure {
}
const VALUE_FLAGS = new Set(cli_FLAGS.filter((f) => !f.boolean).map((f) => `--${f.flag}`));
/** `--cflags -Os` and `--port -1` mean a value, which parseArgs would take for a flag: glue them as `--flag=value`. */
function joinDashValues(args) {
    const joined = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const next = args[i + 1];
        if (VALUE_FLAGS.has(arg) && next !== undefined && next.startsWith('-') && !VALUE_FLAGS.has(next) && next !== '--help') {
            joined.push(`${arg}=${next}`);
            i++;
        }
        else {
            joined.push(arg);
        }
    }
    return joined;
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
async function main(argv) {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === undefined) {
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command !== 'build')
        throw new UsageError(`unknown command "${command}": the command is "build" (see static-thttpd --help)`);
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: joinDashValues(rest),
            strict: true,
            allowPositionals: false,
            options: Object.fromEntries(cli_FLAGS.map((f) => [f.flag, { type: f.boolean ? 'boolean' : 'string', multiple: f.multiple ?? false }])),
        });
    }
    catch (error) {
        throw new UsageError(`${error.message.split('\n')[0]} (see static-thttpd build --help)`);
    }
    const values = parsed.values;
    if (values.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    const env = plainEnv(process.env);
    const pushed = typeof values.push === 'string';
    // Without a registry the archive is the result; with --push it is written only when asked for.
    const inputs = { output: pushed ? '' : './static-thttpd.tar', push: 'false', 'github-token': env.GITHUB_TOKEN };
    // --tag and --tags both feed the tags input: what each gave adds up.
    const given = new Map();
    for (const f of cli_FLAGS) {
        const value = values[f.flag];
        if (!f.input || value === undefined || f.boolean)
            continue;
        given.set(f.input, [...(given.get(f.input) ?? []), ...(Array.isArray(value) ? value : [String(value)])]);
    }
    for (const [input, list] of given)
        inputs[input] = list.join('\n');
    if (pushed) {
        if (values.image !== undefined)
            throw new UsageError('give the repository with either --push NAME or --image NAME, not both');
        inputs.image = String(values.push);
        inputs.push = 'true';
    }
    if (values['password-stdin'])
        inputs.password = await readStdin();
    const cwd = process.cwd();
    const settings = parseSettings(inputs, { cwd, sourceDateEpoch: env.SOURCE_DATE_EPOCH, commitEpoch: await commitEpoch(cwd), sha: env.GITHUB_SHA || (await headSha(cwd)), now: new Date() }, namer(pushed));
    const log = {
        info: (m) => process.stderr.write(`static-thttpd: ${m}\n`),
        warning: (m) => process.stderr.write(`static-thttpd: warning: ${m}\n`),
    };
    const cacheDir = (0,external_node_path_namespaceObject.join)(env.XDG_CACHE_HOME ?? (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.cache'), 'static-thttpd');
    const workDir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'static-thttpd-'));
    try {
        const binariesDir = typeof values.binaries === 'string' ? (0,external_node_path_namespaceObject.resolve)(cwd, values.binaries) : undefined;
        const report = await run_run(settings, {
            log,
            cache: folderCache((0,external_node_path_namespaceObject.join)(cacheDir, 'sources')),
            system: await readHostSystem(env),
            workDir,
            scratchDir: (0,external_node_os_namespaceObject.tmpdir)(),
            binariesDir,
            mask: () => undefined,
            blobLocations: new JsonFileBlobLocations((0,external_node_path_namespaceObject.join)(cacheDir, 'blob-locations.json')),
        });
        process.stdout.write(textReport(settings, report));
        return 0;
    }
    finally {
        await (0,promises_namespaceObject.rm)(workDir, { recursive: true, force: true });
    }
}
main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    if (error instanceof Failure)
        process.stderr.write(`static-thttpd: error: ${error.message}\n`);
    else
        process.stderr.write(`static-thttpd: internal error (please report it): ${error.stack ?? String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
});

