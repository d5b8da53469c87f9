/**
 * Taro's components as plain DOM elements, so Testing Library can find and click them. Only the props the
 * app uses are translated (onClick, onInput → detail.value, checkbox changes); the rest pass through as data.
 */
import { createElement, forwardRef, type ReactNode } from 'react'

type AnyProps = Record<string, unknown> & { children?: ReactNode; className?: string }

const DROPPED = new Set([
  'hoverClass',
  'hoverStyle',
  'placeholderClass',
  'placeholderStyle',
  'scrollX',
  'scrollY',
  'enhanced',
  'showScrollbar',
  'mode',
  'openType',
  'formType',
  'onGetPhoneNumber',
  'ariaRole',
  'ariaLabel',
  'maxlength',
  'nativeProps',
])

function domProps(props: AnyProps): AnyProps {
  const out: AnyProps = {}
  for (const [key, value] of Object.entries(props)) {
    if (DROPPED.has(key)) continue
    out[key] = value
  }
  if (props.ariaLabel) out['aria-label'] = props.ariaLabel
  if (props.ariaRole) out.role = props.ariaRole
  return out
}

function element(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, AnyProps>((props, ref) =>
    createElement(tag, { ...domProps(props), ref } as Record<string, unknown>, props.children as ReactNode),
  )
  Component.displayName = displayName
  return Component
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const ScrollView = element('div', 'ScrollView')
export const Form = element('form', 'Form')
export const Label = element('label', 'Label')
export const Swiper = element('div', 'Swiper')
export const SwiperItem = element('div', 'SwiperItem')

export const Image = forwardRef<HTMLImageElement, AnyProps>((props, ref) =>
  createElement('img', { ...domProps(props), ref, alt: (props.alt as string) ?? '' }),
)
Image.displayName = 'Image'

export const Button = forwardRef<HTMLButtonElement, AnyProps>((props, ref) => {
  const p = domProps(props)
  if (props.openType) p['data-open-type'] = props.openType
  return createElement('button', { type: 'button', ...p, ref } as Record<string, unknown>, props.children as ReactNode)
})
Button.displayName = 'Button'

export const Input = forwardRef<HTMLInputElement, AnyProps>((props, ref) => {
  const { onInput, value, type, ...rest } = props as AnyProps & {
    onInput?: (e: { detail: { value: string } }) => void
    value?: string
    type?: string
  }
  return createElement('input', {
    ...domProps(rest),
    ref,
    type: type === 'number' ? 'tel' : 'text',
    value: value ?? '',
    maxLength: props.maxlength as number | undefined,
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
})
Input.displayName = 'Input'
