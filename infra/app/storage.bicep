// Storage for the Functions host (AzureWebJobsStorage), the deployment package, the verifier's document cache and its
// verification jobs (a blob container and a queue).
// Shared-key access is off: everything authenticates with Entra ID through the managed identity.
param name string
param location string
param tags object
param deploymentContainerName string
param cacheContainerName string
@description('Blob container of verification jobs (manifests and per-batch results).')
param jobsContainerName string
@description('Queue a job\'s batches travel on; the queue-triggered function names it (JobQueue.Name).')
param jobsQueueName string
param vnetEnabled bool

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: vnetEnabled ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: vnetEnabled ? 'Deny' : 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource cache 'containers' = {
      name: cacheContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource jobs 'containers' = {
      name: jobsContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  // Job batches: one message per batch, read by the queue-triggered function with the app's identity. The host
  // creates '<name>-poison' itself for messages that failed maxDequeueCount times (host.json).
  resource queueServices 'queueServices' = {
    name: 'default'

    resource jobQueue 'queues' = {
      name: jobsQueueName
    }
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
