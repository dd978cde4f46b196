/**
 * pdf.js 5 hands operator lists from its (in-process) worker to the page with
 * `ArrayBuffer.prototype.transferToFixedLength`, which Node gained in 21. On Node 20 the call throws inside
 * pdf.js, which swallows the error and returns an empty operator list, so hidden-text detection would see
 * no colours at all. A copying stand-in is enough: pdf.js never reads the old buffer again.
 */
type Transferable = ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer }

const prototype = ArrayBuffer.prototype as Transferable
if (typeof prototype.transferToFixedLength !== 'function') {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length)
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)))
      return copy
    },
  })
}
