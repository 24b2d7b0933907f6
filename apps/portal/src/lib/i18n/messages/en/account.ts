import type { Translation } from "../../types.ts";
import type { accountPagesId } from "../id/account.ts";

export const accountPagesEn = {
  "account.pageTitle": "My account",
  "account.intro": "Your profile, password, signed-in devices and two-step verification.",

  "account.tenants.none":
    "You are not a member of any region yet. Ask your regional admin to send an invitation to this account's email.",
  "account.tenants.title": "Your regions",

  "account.profile.title": "Profile",
  "account.profile.displayName": "Name",
  "account.profile.email": "Email",
  "account.profile.emailHint": "Your email is how you sign in and cannot be changed here.",
  "account.profile.locale": "Language",
  "account.profile.localeId": "Bahasa Indonesia",
  "account.profile.localeEn": "English",
  "account.profile.save": "Save profile",
  "account.profile.saved": "Profile saved.",

  "account.password.title": "Change password",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.repeat": "Repeat the new password",
  "account.password.hint":
    "At least 10 characters and hard to guess; a phrase of several words is easier to remember.",
  "account.password.mismatch": "The two new passwords differ.",
  "account.password.submit": "Change password",
  "account.password.changed": "Password changed. Sessions on other devices were ended.",
  "account.password.wrongCurrent": "The current password is wrong.",

  "account.sessions.title": "Active sessions",
  "account.sessions.intro":
    "Devices signed in to your account right now. End any session you do not recognise.",
  "account.sessions.caption": "Active sessions",
  "account.sessions.device": "Device",
  "account.sessions.ip": "IP address",
  "account.sessions.lastSeen": "Last active",
  "account.sessions.createdAt": "Signed in",
  "account.sessions.actions": "Actions",
  "account.sessions.thisDevice": "This device",
  "account.sessions.revoke": "End session",
  "account.sessions.revokeTitle": "End this session?",
  "account.sessions.revokeBody": "{device} will be signed out at once and must sign in again.",
  "account.sessions.revoked": "Session ended.",
  "account.sessions.empty": "No other active sessions.",
  "account.sessions.unknownDevice": "Unknown device",
  "account.sessions.deviceOn": "{browser} on {os}",
  "account.sessions.unknownIp": "unknown",

  "account.everywhere.title": "Sign out everywhere",
  "account.everywhere.body": "Ends every session of this account, including this one.",
  "account.everywhere.button": "Sign out everywhere",
  "account.everywhere.confirmTitle": "Sign out everywhere?",
  "account.everywhere.confirmBody":
    "Every device, this one included, is signed out at once. You will need to sign in again.",

  "account.twoFactor.title": "Two-step verification",
  "account.twoFactor.intro":
    "A code from an authenticator app on your phone, asked for at every sign-in.",
  "account.twoFactor.on": "On",
  "account.twoFactor.off": "Off",
  "account.twoFactor.required":
    "Your role requires two-step verification, so it cannot be turned off.",
  "account.twoFactor.enable": "Turn on two-step verification",
  "account.twoFactor.scan":
    "Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or Aegis).",
  "account.twoFactor.qrLabel": "QR code for the authenticator app",
  "account.twoFactor.manualKey": "Cannot scan? Enter this key by hand:",
  "account.twoFactor.code": "6-digit code from the app",
  "account.twoFactor.codeHint": "The code changes every 30 seconds.",
  "account.twoFactor.confirm": "Confirm",
  "account.twoFactor.cancel": "Cancel",
  "account.twoFactor.enabled": "Two-step verification is on.",
  "account.twoFactor.recoveryTitle": "Recovery codes",
  "account.twoFactor.recoveryBody":
    "Keep these codes somewhere safe. If you lose your phone, each code signs you in once. They will not be shown again.",
  "account.twoFactor.recoveryListLabel": "Your recovery codes",
  "account.twoFactor.recoveryDone": "I have saved them",
  "account.twoFactor.codesLeft": "Recovery codes left: {count}.",
  "account.twoFactor.regenerate": "Create new recovery codes",
  "account.twoFactor.regenerateHint": "The old recovery codes stop working at once.",
  "account.twoFactor.disable": "Turn off",
  "account.twoFactor.disableHint": "Enter a code from the app to turn two-step verification off.",
  "account.twoFactor.disabled": "Two-step verification is off.",

  "dialog.cancel": "Cancel",
  "common.loading": "Loading…",
  "common.saving": "Saving…",
  "common.leaveUnsaved": "There are unsaved changes. Leave this page anyway?",

  "failure.BAD_REQUEST": "Please check the marked fields.",
  "failure.UNAUTHORIZED": "Your session has ended. Please sign in again.",
  "failure.FORBIDDEN": "Your role does not allow this.",
  "failure.NOT_FOUND": "This was not found. Someone else may have changed or removed it.",
  "failure.CONFLICT": "This conflicts with the current data.",
  "failure.PAYLOAD_TOO_LARGE":
    "What was sent is too large (at most 2 MiB per request). Make the file or content smaller and try again.",
  "failure.loadTitle": "The data could not be loaded",
  "failure.retry": "Try again",
} as const satisfies Pick<Translation, keyof typeof accountPagesId>;
