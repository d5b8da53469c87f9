import { formatCertificateCode, maskName, maskPhone, meetsCompletion, normalizeCertificateCode } from './completion'

describe('meetsCompletion', () => {
  it('passes exactly at the threshold and fails a hair below it', () => {
    expect(meetsCompletion(800, 1000, 80)).toBe(true)
    expect(meetsCompletion(799, 1000, 80)).toBe(false)
    expect(meetsCompletion(4, 5, 80)).toBe(true)
    expect(meetsCompletion(3, 4, 80)).toBe(false)
    expect(meetsCompletion(0, 0, 80)).toBe(false)
  })
})

describe('masking', () => {
  it('keeps the family name and, from three characters, the last one', () => {
    expect(maskName('王芳')).toBe('王*')
    expect(maskName('李晓明')).toBe('李*明')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('')).toBe('')
  })
  it('shows only the first three and last four digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('')).toBe('')
  })
})

describe('certificate codes', () => {
  it('reads a code typed by hand: case, dashes, the QR prefix and O/I/L look-alikes', () => {
    expect(normalizeCertificateCode('xzkt-cert:ab3de-fg7hj')).toBe('AB3DEFG7HJ')
    expect(normalizeCertificateCode(' AB3DE FG7HO ')).toBe('AB3DEFG7H0')
    expect(normalizeCertificateCode('AB3DE-FG7HL')).toBe('AB3DEFG7H1')
    expect(normalizeCertificateCode('AB3DE-FG7H')).toBeNull()
    expect(normalizeCertificateCode('AB3DE-FG7HU')).toBeNull()
    expect(formatCertificateCode('AB3DEFG7HJ')).toBe('AB3DE-FG7HJ')
  })
})
