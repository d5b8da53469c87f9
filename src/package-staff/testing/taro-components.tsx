/**
 * Test-only additions to src/test-setup/components-mock: the staff pages also use Picker and Textarea.
 * Picker becomes a <select> (selector mode, reports the index like the platform) or an <input> (date/time);
 * Textarea becomes a <textarea>. Use with
 * `jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())`.
 */
import { createElement, type ReactNode } from 'react'

type ChangeHandler = (e: { detail: { value: string | number } }) => void

interface PickerProps {
  mode?: string
  range?: string[]
  value?: string | number
  ariaLabel?: string
  children?: ReactNode
  onChange?: ChangeHandler
}

export function Picker({ mode, range, value, ariaLabel, children, onChange }: PickerProps) {
  const control =
    mode === 'selector'
      ? createElement(
          'select',
          {
            'aria-label': ariaLabel,
            value: String(value ?? 0),
            onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: Number(e.target.value) } }),
          },
          (range ?? []).map((option, i) => createElement('option', { key: option, value: String(i) }, option)),
        )
      : createElement('input', {
          'aria-label': ariaLabel,
          'data-mode': mode,
          value: String(value ?? ''),
          onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: e.target.value } }),
        })
  return createElement('div', { className: 'picker-mock' }, control, children)
}

interface TextareaProps {
  value?: string
  ariaLabel?: string
  placeholder?: string
  className?: string
  onInput?: (e: { detail: { value: string } }) => void
}

export function Textarea({ value, ariaLabel, placeholder, className, onInput }: TextareaProps) {
  return createElement('textarea', {
    'aria-label': ariaLabel,
    placeholder,
    className,
    value: value ?? '',
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
}

/**
 * jest.mock('@tarojs/components') replaces the mapped test-setup mock itself, so the base components must come
 * from requireActual, not an import (which would return the half-built replacement).
 */
export function staffComponents(): Record<string, unknown> {
  const base = jest.requireActual('@/test-setup/components-mock')
  // `focus` is a platform prop that React would warn about on a DOM input.
  const Input = ({ focus: _focus, ...props }: Record<string, unknown>) => createElement(base.Input, props)
  return { ...base, Input, Picker, Textarea }
}
